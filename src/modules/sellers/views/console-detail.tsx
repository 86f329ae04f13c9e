import { formatDate } from '../../../platform/http/i18n.js';
import { Confirmation, ErrorSummary } from '../../../web/forms.js';
import { Layout } from '../../../web/layout.js';
import type { PageCtx } from '../../../web/page.js';
import { formatAddress } from '../../geo/index.js';
import type { ApplicationDetail, OfficerAction } from '../console-service.js';
import { publicStates } from '../lifecycle.js';
import { categoryLabel, documentKindLabel, legalFormLabel, statusLabel } from '../reference.js';
import { VerificationPanel } from '../verification/index.js';
import { type ActionFormState, ActionForms } from './console-actions.js';
import { ConsoleNav, StatusBadge } from './console-parts.js';
import { Facts, OcopList, Paragraphs } from './storefront.js';

/** What happened just before this render: a decision taken, refused as stale, or sent back with errors. */
export interface DetailNotice {
  done?: OfficerAction;
  conflict?: OfficerAction;
  sent?: ActionFormState;
}

const text = (v: string | null | undefined) => <span safe>{v ?? ''}</span>;
const kb = (n: number | null) => (n === null ? '' : `${Math.max(1, Math.round(n / 1024))} KB`);

/** The application's documents, each a download, with its type and size. */
function Documents({ ctx: { t }, documents }: { ctx: PageCtx; documents: ApplicationDetail['documents'] }) {
  if (!documents.length) {
    return (
      <p class="muted" safe>
        {t('console.detail.no_documents')}
      </p>
    );
  }
  return (
    <ul>
      {documents.map((doc) => (
        <li>
          <strong safe>{documentKindLabel(t, doc.kind)}</strong>:{' '}
          <a href={`/quan-ly/tep/${doc.fileId}`} safe>
            {doc.name ?? t('console.doc.download')}
          </a>{' '}
          <span class="muted" safe>
            {[doc.mime, kb(doc.size)].filter(Boolean).join(', ')}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The accounts acting for the seller, with how to reach them. */
function Members({ ctx: { t }, members }: { ctx: PageCtx; members: ApplicationDetail['members'] }) {
  return (
    <ul>
      {members.map((m) => {
        const contacts = [m.email, m.phone].filter(Boolean).join(', ');
        return (
          <li safe>{`${m.fullName} (${t(`console.member.${m.role}`)})${contacts ? `: ${contacts}` : ''}`}</li>
        );
      })}
    </ul>
  );
}

/** Every move of the application: when, from which state to which, who, and why. */
function History({ ctx: { t, locale }, history }: { ctx: PageCtx; history: ApplicationDetail['history'] }) {
  return (
    <ol class="timeline">
      {history.map((h) => (
        <li>
          <time datetime={h.at.toISOString()} safe>
            {formatDate(h.at, locale, true)}
          </time>
          {': '}
          <strong safe>
            {h.fromStatus
              ? t('console.history.move', {
                  from: statusLabel(t, h.fromStatus),
                  to: statusLabel(t, h.toStatus),
                })
              : t('console.history.created', { to: statusLabel(t, h.toStatus) })}
          </strong>
          <br />
          <span class="muted" safe>
            {t('console.history.by', { name: h.actor.fullName || h.actor.id })}
          </span>
          {h.reason ? (
            <>
              <br />
              <span safe>{t('console.history.reason', { reason: h.reason })}</span>
            </>
          ) : (
            ''
          )}
        </li>
      ))}
    </ol>
  );
}

/** Everything an officer needs to decide on one application, and the decisions open to them. */
export function DetailPage({
  ctx,
  d,
  notice = {},
}: {
  ctx: PageCtx;
  d: ApplicationDetail;
  notice?: DetailNotice;
}) {
  const { t, locale } = ctx;
  const s = d.seller;
  const f = (k: string) => t(`console.field.${k}`);
  return (
    <Layout ctx={ctx} title={t('console.detail.title', { shop: s.shopName })}>
      <ConsoleNav ctx={ctx} current="queue" />
      <p>
        <a href="/quan-ly/ho-so" safe>
          {t('console.detail.back')}
        </a>
      </p>
      {notice.sent ? <ErrorSummary state={notice.sent.state} t={t} /> : ''}
      <Confirmation text={notice.done && t(`console.done.${notice.done}`)} />
      {notice.conflict ? (
        <p class="notice error" role="alert" safe>
          {t('console.conflict', {
            action: t(`console.action.${notice.conflict}`),
            state: statusLabel(t, s.status),
          })}
        </p>
      ) : (
        ''
      )}
      <h1 safe>{s.shopName}</h1>
      <p>
        <StatusBadge t={t} status={s.status} />
      </p>

      <h2 safe>{t('console.detail.shop')}</h2>
      <Facts
        rows={[
          [f('shopName'), text(s.shopName)],
          [
            f('slug'),
            publicStates.includes(s.status) ? (
              <a href={`/cua-hang/${s.slug}`} safe>
                {t('console.detail.storefront')}
              </a>
            ) : (
              text(`/cua-hang/${s.slug}`)
            ),
          ],
          [f('legalForm'), text(legalFormLabel(t, s.legalForm))],
          [f('categories'), text(s.categories.map((c) => categoryLabel(locale, c)).join(', '))],
          [f('description'), <Paragraphs text={s.description} />],
          [f('status'), text(statusLabel(t, s.status))],
          [f('submittedAt'), text(formatDate(s.submittedAt, locale, true))],
          [f('decidedAt'), text(formatDate(s.decidedAt, locale, true))],
        ]}
      />

      <h2 safe>{t('console.detail.business')}</h2>
      <Facts
        rows={[
          [f('taxCode'), text(s.taxCode)],
          [f('businessRegNo'), text(s.businessRegNo)],
          [f('businessRegDate'), text(formatDate(s.businessRegDate, locale))],
          [f('repName'), text(s.repName)],
          [f('repCitizenId'), text(s.repCitizenId)],
          [f('address'), text(formatAddress(s))],
          [f('phone'), text(s.phone)],
          [f('email'), text(s.email)],
        ]}
      />

      <h2 safe>{t('console.detail.bank')}</h2>
      <Facts
        rows={[
          [f('bank'), text(d.bank ? `${d.bank.shortName} – ${d.bank.name}` : s.bankBin)],
          [f('bankAccountNo'), text(s.bankAccountNo)],
          [f('bankAccountName'), text(s.bankAccountName)],
        ]}
      />

      <VerificationPanel ctx={ctx} verification={d.verification} />

      <h2 safe>{t('console.detail.documents')}</h2>
      <Documents ctx={ctx} documents={d.documents} />

      <h2 safe>{t('console.detail.ocop')}</h2>
      {d.ocop.length ? (
        <OcopList ctx={ctx} items={d.ocop} fileLink={(id) => `/quan-ly/tep/${id}`} />
      ) : (
        <p class="muted" safe>
          {t('console.detail.no_ocop')}
        </p>
      )}

      <h2 safe>{t('console.detail.members')}</h2>
      <Members ctx={ctx} members={d.members} />

      <h2 safe>{t('console.detail.history')}</h2>
      <History ctx={ctx} history={d.history} />

      <ActionForms ctx={ctx} sellerId={s.id} actions={d.actions} sent={notice.sent} />
    </Layout>
  );
}
