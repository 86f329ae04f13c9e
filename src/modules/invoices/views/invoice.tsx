import { formatDate, formatMoney } from '../../../platform/http/i18n.js';
import { Confirmation, Csrf, ErrorSummary, Field, type FormState, Submit } from '../../../web/forms.js';
import { Layout } from '../../../web/layout.js';
import type { PageCtx } from '../../../web/page.js';
import { type Column, Table } from '../../../web/table.js';
import type { InvoiceDocument, InvoiceLine, Party } from '../document.js';
import type { Invoice } from '../issue.js';
import { filePath } from '../queries.js';

/** What the look-up page shows of a found invoice. */
export interface InvoiceView {
  invoice: Invoice;
  signatureValid: boolean;
  signer: string;
  related: Invoice[];
  /** The viewer may issue a replacement (a member of the seller, or an officer). */
  canReplace: boolean;
}

const money = (v: string | bigint, locale: PageCtx['locale']) => formatMoney(BigInt(v), locale);
const unitPrice = (v: string, locale: PageCtx['locale']) =>
  `${new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: 6 }).format(Number(v))} ₫`;

function Facts({ rows }: { rows: [string, string | null | undefined][] }) {
  return (
    <dl class="facts">
      {rows
        .filter(([, v]) => v)
        .map(([label, value]) => (
          <>
            <dt safe>{label}</dt>
            <dd safe>{value}</dd>
          </>
        ))}
    </dl>
  );
}

function PartyFacts({
  ctx,
  title,
  party,
}: {
  ctx: PageCtx;
  title: string;
  party: Party & { contact?: string };
}) {
  const { t } = ctx;
  return (
    <section>
      <h2 safe>{title}</h2>
      <Facts
        rows={[
          [t('invoice.party.name'), party.name],
          [t('invoice.party.contact'), party.contact !== party.name ? party.contact : null],
          [t('invoice.party.tax_code'), party.taxCode],
          [t('invoice.party.address'), party.address],
          [t('invoice.party.phone'), party.phone],
          [t('invoice.party.email'), party.email],
        ]}
      />
    </section>
  );
}

function Lines({ ctx, doc }: { ctx: PageCtx; doc: InvoiceDocument }) {
  const { t, locale } = ctx;
  const columns: Column<InvoiceLine>[] = [
    { header: t('invoice.col.no'), text: (l) => String(l.no) },
    { header: t('invoice.col.name'), text: (l) => l.name },
    { header: t('invoice.col.unit'), text: (l) => l.unit },
    { header: t('invoice.col.quantity'), text: (l) => String(l.quantity) },
    { header: t('invoice.col.unit_price'), text: (l) => unitPrice(l.unitPrice, locale) },
    { header: t('invoice.col.amount'), text: (l) => money(l.amount, locale) },
    ...(doc.form === '1' ? [{ header: t('invoice.col.rate'), text: (l: InvoiceLine) => l.rate ?? '' }] : []),
  ];
  return <Table columns={columns} rows={doc.lines} caption={t('invoice.lines')} />;
}

function Totals({ ctx, doc }: { ctx: PageCtx; doc: InvoiceDocument }) {
  const { t, locale } = ctx;
  const rows: [string, string][] =
    doc.form === '1'
      ? [
          ...doc.byRate.map((r): [string, string] => [
            `${t('invoice.col.rate')} ${r.rate}`,
            `${money(r.amount, locale)} + ${money(r.tax, locale)}`,
          ]),
          [t('invoice.total.net'), money(doc.net, locale)],
          [t('invoice.total.tax'), money(doc.tax, locale)],
        ]
      : [];
  return (
    <section>
      <h2 safe>{t('invoice.totals')}</h2>
      <Facts
        rows={[
          ...rows,
          [t('invoice.total.total'), money(doc.total, locale)],
          [t('invoice.total.words'), doc.totalInWords],
        ]}
      />
    </section>
  );
}

const relatedText = (ctx: PageCtx, doc: InvoiceDocument) => {
  const r = doc.related;
  if (!r) return '';
  const key = r.nature === 1 ? 'invoice.related.replaces' : 'invoice.related.adjusts';
  return ctx.t(key, { symbol: r.symbol, number: r.number, date: formatDate(r.issuedOn, ctx.locale) });
};

/** One invoice as the look-up page shows it: the signature check first, then the invoice as printed. */
export function InvoiceDetails({ ctx, view }: { ctx: PageCtx; view: InvoiceView }) {
  const { t, locale } = ctx;
  const inv = view.invoice;
  const doc = inv.document;
  return (
    <article class="invoice" data-id={inv.id}>
      <h2 safe>{`${doc.title} · ${t(`invoice.kind.${inv.kind}`)}`}</h2>
      <p
        class={view.signatureValid ? 'notice ok' : 'notice warn'}
        role="status"
        data-signature={String(view.signatureValid)}
        safe
      >
        {t(view.signatureValid ? 'invoice.signature.valid' : 'invoice.signature.invalid')}
      </p>
      {doc.related ? <p safe>{relatedText(ctx, doc)}</p> : ''}
      <Facts
        rows={[
          [t('invoice.field.status'), t(`invoice.status.${inv.status}`)],
          [t('invoice.field.form'), doc.form],
          [t('invoice.field.symbol'), doc.symbol],
          [t('invoice.field.number'), String(doc.number)],
          [t('invoice.field.issued_on'), formatDate(doc.issuedOn, locale)],
          [t('invoice.field.lookup_code'), doc.lookupCode],
          [t('invoice.field.order'), doc.orderCode],
          [t('invoice.field.payment'), doc.paymentMethod],
          [t('invoice.field.submission'), t(`invoice.submission.${inv.submission}`)],
          [t('invoice.field.tax_authority_code'), inv.taxAuthorityCode],
          [t('invoice.signature.signer'), view.signer],
        ]}
      />
      <p class="actions">
        <a
          class="button"
          href={filePath(inv.lookupCode, 'xml')}
          download={`hoa-don-${inv.symbol}-${inv.number}.xml`}
          safe
        >
          {t('invoice.download.xml')}
        </a>{' '}
        <a class="button" href={filePath(inv.lookupCode, 'pdf')} safe>
          {t('invoice.download.pdf')}
        </a>
        {view.canReplace ? (
          <>
            {' '}
            <a href={`/hoa-don/${inv.id}/thay-the`} safe>
              {t('invoice.replace.link')}
            </a>
          </>
        ) : (
          ''
        )}
      </p>
      <PartyFacts ctx={ctx} title={t('invoice.seller')} party={doc.seller} />
      <PartyFacts ctx={ctx} title={t('invoice.buyer')} party={doc.buyer} />
      <Lines ctx={ctx} doc={doc} />
      <Totals ctx={ctx} doc={doc} />
      {view.related.length ? (
        <section>
          <h2 safe>{t('invoice.related.title')}</h2>
          <ul>
            {view.related.map((r) => (
              <li>
                <a href={`/hoa-don/tra-cuu?ma=${r.lookupCode}`} safe>
                  {`${t(`invoice.kind.${r.kind}`)} ${r.symbol} ${r.number} · ${formatDate(r.issuedOn, locale)} · ${money(r.total, locale)}`}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        ''
      )}
    </article>
  );
}

/** The result of checking an uploaded copy: valid or not, and the stored invoice it is. */
export interface CopyResult {
  valid: boolean;
  view?: InvoiceView;
}

/**
 * The public look-up: a form asking for the code (GET, works without JavaScript) and the invoice
 * found; and a form to check an XML copy someone holds.
 */
export function LookupPage({
  ctx,
  code,
  view,
  notFound,
  done,
  copy,
  copyState,
}: {
  ctx: PageCtx;
  code: string;
  view?: InvoiceView;
  notFound: boolean;
  done?: string;
  copy?: CopyResult;
  copyState?: FormState;
}) {
  const { t } = ctx;
  const state: FormState = {
    values: { ma: code },
    errors: notFound ? [{ field: 'ma', key: 'invoice.lookup.not_found' }] : [],
  };
  const upload = copyState ?? { values: {}, errors: [] };
  const shown = view ?? copy?.view;
  return (
    <Layout ctx={ctx} title={t('invoice.lookup.title')}>
      <h1 safe>{t('invoice.lookup.title')}</h1>
      <Confirmation text={done} />
      <p safe>{t('invoice.lookup.intro')}</p>
      <ErrorSummary state={state} t={t} />
      <form method="get" action="/hoa-don/tra-cuu" class="search">
        <Field
          name="ma"
          state={state}
          t={t}
          hint={t('invoice.lookup.hint')}
          required
          maxlength={20}
          autocomplete="off"
        />
        <Submit label={t('invoice.lookup.submit')} />
      </form>
      {copy ? (
        <p class={copy.valid ? 'notice ok' : 'notice warn'} role="status" data-copy={String(copy.valid)} safe>
          {t(copy.valid ? 'invoice.copy.valid' : 'invoice.copy.invalid')}
        </p>
      ) : (
        ''
      )}
      {shown ? <InvoiceDetails ctx={ctx} view={shown} /> : ''}
      <section>
        <h2 safe>{t('invoice.copy.title')}</h2>
        <p safe>{t('invoice.copy.intro')}</p>
        <ErrorSummary state={upload} t={t} />
        <form method="post" action="/hoa-don/tra-cuu/kiem-tra" enctype="multipart/form-data">
          <Csrf token={ctx.csrf()} />
          <Field name="xml" type="file" state={upload} t={t} required />
          <Submit label={t('invoice.copy.submit')} />
        </form>
      </section>
    </Layout>
  );
}
