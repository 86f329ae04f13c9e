import type { Children } from '@kitajs/html';
import { formatDate } from '../../../platform/http/i18n.js';
import { BackLink } from '../../../web/back-link.js';
import {
  Confirmation,
  Csrf,
  ErrorSummary,
  Field,
  type FormState,
  Submit,
  TextArea,
} from '../../../web/forms.js';
import { Layout } from '../../../web/layout.js';
import type { PageCtx } from '../../../web/page.js';
import { Table } from '../../../web/table.js';
import type { Synonym } from '../synonyms.js';

export const SYNONYMS_PATH = '/quan-ly/tu-dong-nghia';

/** The form adding a group (`action` the list) or changing one (`action` the group's address). */
function SynonymForm({ ctx, state, action }: { ctx: PageCtx; state: FormState; action: string }) {
  const { t } = ctx;
  return (
    <>
      <ErrorSummary state={state} t={t} />
      <form method="post" action={action}>
        <Csrf token={ctx.csrf()} />
        <Field name="term" state={state} t={t} required maxlength={60} />
        <TextArea name="synonyms" state={state} t={t} required rows={3} hint={t('search.synonyms.hint')} />
        <Field name="reason" state={state} t={t} maxlength={500} />
        <Submit label={t('form.save')} />
      </form>
    </>
  );
}

/** A page about one group, under the list. */
function GroupPage({ ctx, title, children }: { ctx: PageCtx; title: string; children: Children }) {
  return (
    <Layout ctx={ctx} title={title}>
      <BackLink href={SYNONYMS_PATH} label={ctx.t('search.synonyms.back')} />
      <h1 safe>{title}</h1>
      {children}
    </Layout>
  );
}

/** The list of synonym groups, and the form adding one. */
export function SynonymsPage({
  ctx,
  items,
  state,
  done,
}: {
  ctx: PageCtx;
  items: Synonym[];
  state: FormState;
  done?: 'saved' | 'deleted';
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('search.synonyms.title')}>
      <BackLink href="/quan-ly" label={t('nav.console')} />
      <h1 safe>{t('search.synonyms.title')}</h1>
      <Confirmation text={done && t(`search.synonyms.${done}`)} />
      <p safe>{t('search.synonyms.lead')}</p>
      {items.length ? (
        <Table
          columns={[
            { header: t('search.synonyms.col_term'), text: (s) => s.term },
            { header: t('search.synonyms.col_synonyms'), text: (s) => s.synonyms.join(', ') },
            {
              header: t('search.synonyms.col_updated'),
              text: (s) => formatDate(s.updatedAt, ctx.locale, true),
            },
            {
              header: t('search.synonyms.col_actions'),
              cell: (s) => (
                <>
                  <a href={`${SYNONYMS_PATH}/${s.id}`} safe>
                    {t('search.synonyms.edit_link')}
                  </a>{' '}
                  <a href={`${SYNONYMS_PATH}/${s.id}/xoa`} safe>
                    {t('search.synonyms.delete_link')}
                  </a>
                </>
              ),
            },
          ]}
          rows={items}
        />
      ) : (
        <p class="muted" safe>
          {t('search.synonyms.empty')}
        </p>
      )}
      <h2 id="them" safe>
        {t('search.synonyms.add')}
      </h2>
      <SynonymForm ctx={ctx} state={state} action={SYNONYMS_PATH} />
    </Layout>
  );
}

export function SynonymEditPage({ ctx, item, state }: { ctx: PageCtx; item: Synonym; state: FormState }) {
  return (
    <GroupPage ctx={ctx} title={ctx.t('search.synonyms.edit', { term: item.term })}>
      <SynonymForm ctx={ctx} state={state} action={`${SYNONYMS_PATH}/${item.id}`} />
    </GroupPage>
  );
}

export function SynonymDeletePage({ ctx, item, state }: { ctx: PageCtx; item: Synonym; state: FormState }) {
  const { t } = ctx;
  return (
    <GroupPage ctx={ctx} title={t('search.synonyms.delete', { term: item.term })}>
      <ErrorSummary state={state} t={t} />
      <p safe>{`${item.term}: ${item.synonyms.join(', ')}`}</p>
      <p class="notice warn" safe>
        {t('search.synonyms.delete_confirm')}
      </p>
      <form method="post" action={`${SYNONYMS_PATH}/${item.id}/xoa`}>
        <Csrf token={ctx.csrf()} />
        <Field name="reason" state={state} t={t} maxlength={500} />
        <Submit label={t('search.synonyms.delete_submit')} danger />
      </form>
    </GroupPage>
  );
}

/** What an edit form starts with: the group as stored, synonyms one per line. */
export const synonymFormValues = (s: Synonym) => ({ term: s.term, synonyms: s.synonyms.join('\n') });
