import { formatDate, formatMoney } from '../../../platform/http/i18n.js';
import { Layout } from '../../../web/layout.js';
import type { PageCtx } from '../../../web/page.js';
import { type Column, Table } from '../../../web/table.js';
import type { Invoice } from '../issue.js';
import { filePath } from '../queries.js';

/** A list of invoices (a buyer's, or a shop's), each a link to its look-up page and files. */
export function InvoiceListPage({
  ctx,
  title,
  invoices,
  shops,
  shopId,
}: {
  ctx: PageCtx;
  title: string;
  invoices: Invoice[];
  shops?: { id: string; name: string }[];
  shopId?: string;
}) {
  const { t, locale } = ctx;
  const columns: Column<Invoice>[] = [
    { header: t('invoice.field.issued_on'), text: (i) => formatDate(i.issuedOn, locale) },
    { header: t('invoice.field.symbol'), text: (i) => i.symbol },
    { header: t('invoice.field.number'), text: (i) => String(i.number) },
    {
      header: t('invoice.field.status'),
      text: (i) => `${t(`invoice.kind.${i.kind}`)} · ${t(`invoice.status.${i.status}`)}`,
    },
    { header: t('invoice.field.order'), text: (i) => i.orderCode },
    { header: t('invoice.field.total'), text: (i) => formatMoney(i.total, locale) },
    {
      header: t('invoice.list.show'),
      cell: (i) => (
        <>
          <a href={`/hoa-don/tra-cuu?ma=${i.lookupCode}`} safe>
            {t('invoice.list.show')}
          </a>{' '}
          <a href={filePath(i.lookupCode, 'pdf')}>PDF</a> <a href={filePath(i.lookupCode, 'xml')}>XML</a>
        </>
      ),
    },
  ];
  return (
    <Layout ctx={ctx} title={title}>
      <h1 safe>{title}</h1>
      {shops && shops.length > 1 ? (
        <form method="get" class="filters">
          <label for="f-shop" safe>
            {t('invoice.list.shop')}
          </label>
          <select id="f-shop" name="shop">
            {shops.map((s) => (
              <option value={s.id} selected={s.id === shopId} safe>
                {s.name}
              </option>
            ))}
          </select>
          <button type="submit" safe>
            {t('invoice.list.show')}
          </button>
        </form>
      ) : (
        ''
      )}
      {invoices.length ? (
        <Table columns={columns} rows={invoices} rowId={(i) => i.id} />
      ) : (
        <p safe>{t('invoice.list.empty')}</p>
      )}
      <p class="muted" safe>
        {t('invoice.pending_note')}
      </p>
    </Layout>
  );
}
