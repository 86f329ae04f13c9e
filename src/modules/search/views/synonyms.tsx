import { formatDate } from '../../../platform/http/i18n.js';
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
import type { Synonym } from '../synonyms.js';

export const SYNONYMS_PATH = '/quan-ly/tu-dong-nghia';

function SynonymFields({ ctx, state }: { ctx: PageCtx; state: FormState }) {
  return (
    <>
      <Field name="term" state={state} t={ctx.t} required maxlength={60} />
      <TextArea
        name="synonyms"
        state={state}
        t={ctx.t}
        required
        rows={3}
        hint={ctx.t('search.synonyms.hint')}
      />
      <Field name="reason" state={state} t={ctx.t} maxlength={500} />
    </>
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
      <h1 safe>{t('search.synonyms.title')}</h1>
      <Confirmation text={done && t(`search.synonyms.${done}`)} />
      <p safe>{t('search.synonyms.lead')}</p>
      {items.length ? (
        <div class="scroll">
          <table>
            <thead>
              <tr>
                <th scope="col" safe>
                  {t('search.synonyms.col_term')}
                </th>
                <th scope="col" safe>
                  {t('search.synonyms.col_synonyms')}
                </th>
                <th scope="col" safe>
                  {t('search.synonyms.col_updated')}
                </th>
                <th scope="col" safe>
                  {t('search.synonyms.col_actions')}
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((s) => (
                <tr>
                  <td safe>{s.term}</td>
                  <td safe>{s.synonyms.join(', ')}</td>
                  <td safe>{formatDate(s.updatedAt, ctx.locale, true)}</td>
                  <td>
                    <a href={`${SYNONYMS_PATH}/${s.id}`} safe>
                      {t('search.synonyms.edit_link')}
                    </a>{' '}
                    <a href={`${SYNONYMS_PATH}/${s.id}/xoa`} safe>
                      {t('search.synonyms.delete_link')}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p class="muted" safe>
          {t('search.synonyms.empty')}
        </p>
      )}
      <h2 id="them" safe>
        {t('search.synonyms.add')}
      </h2>
      <ErrorSummary state={state} t={t} />
      <form method="post" action={SYNONYMS_PATH}>
        <Csrf token={ctx.csrf()} />
        <SynonymFields ctx={ctx} state={state} />
        <Submit label={t('form.save')} />
      </form>
    </Layout>
  );
}

export function SynonymEditPage({ ctx, item, state }: { ctx: PageCtx; item: Synonym; state: FormState }) {
  const title = ctx.t('search.synonyms.edit', { term: item.term });
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={SYNONYMS_PATH} safe>
          {ctx.t('search.synonyms.back')}
        </a>
      </p>
      <h1 safe>{title}</h1>
      <ErrorSummary state={state} t={ctx.t} />
      <form method="post" action={`${SYNONYMS_PATH}/${item.id}`}>
        <Csrf token={ctx.csrf()} />
        <SynonymFields ctx={ctx} state={state} />
        <Submit label={ctx.t('form.save')} />
      </form>
    </Layout>
  );
}

export function SynonymDeletePage({ ctx, item, state }: { ctx: PageCtx; item: Synonym; state: FormState }) {
  const title = ctx.t('search.synonyms.delete', { term: item.term });
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={SYNONYMS_PATH} safe>
          {ctx.t('search.synonyms.back')}
        </a>
      </p>
      <h1 safe>{title}</h1>
      <ErrorSummary state={state} t={ctx.t} />
      <p safe>{`${item.term}: ${item.synonyms.join(', ')}`}</p>
      <p class="notice warn" safe>
        {ctx.t('search.synonyms.delete_confirm')}
      </p>
      <form method="post" action={`${SYNONYMS_PATH}/${item.id}/xoa`}>
        <Csrf token={ctx.csrf()} />
        <Field name="reason" state={state} t={ctx.t} maxlength={500} />
        <Submit label={ctx.t('search.synonyms.delete_submit')} danger />
      </form>
    </Layout>
  );
}

/** What an edit form starts with: the group as stored, synonyms one per line. */
export const synonymFormValues = (s: Synonym) => ({ term: s.term, synonyms: s.synonyms.join('\n') });
