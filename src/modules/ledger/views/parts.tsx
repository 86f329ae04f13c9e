import { formatDate, formatMoney } from '../../../platform/http/i18n.js';
import type { PageCtx } from '../../../web/page.js';
import { type Column, Table } from '../../../web/table.js';
import type { SellerLine, WithholdingRow } from '../statements.js';

/** The console's pages of money: payouts and the withholding declaration. */
export function LedgerNav({ ctx, current }: { ctx: PageCtx; current: 'payouts' | 'tax' }) {
  const links: [typeof current, string][] = [
    ['payouts', '/quan-ly/chi-tra'],
    ['tax', '/quan-ly/thue-khau-tru'],
  ];
  return (
    <nav aria-label={ctx.t('ledger.nav')} class="actions">
      <a href="/quan-ly" safe>
        {ctx.t('nav.console')}
      </a>
      {links.map(([key, href]) => (
        <a href={href} aria-current={key === current ? 'page' : undefined} safe>
          {ctx.t(`ledger.nav.${key}`)}
        </a>
      ))}
    </nav>
  );
}

export const money = (ctx: PageCtx, v: bigint) => formatMoney(v, ctx.locale);

/** A month picker that works without JavaScript (GET form). */
export function MonthForm({
  ctx,
  action,
  month,
  hidden = {},
}: {
  ctx: PageCtx;
  action: string;
  month: string;
  hidden?: Record<string, string>;
}) {
  return (
    <form method="get" action={action} class="filters">
      {Object.entries(hidden).map(([k, v]) => (
        <input type="hidden" name={k} value={v} />
      ))}
      <div class="field">
        <label for="f-thang" safe>
          {ctx.t('ledger.month')}
        </label>
        <input id="f-thang" name="thang" type="month" value={month} />
      </div>
      <button type="submit" class="secondary" safe>
        {ctx.t('ledger.show')}
      </button>
    </form>
  );
}

/** A seller's entries: date, what happened, gross, fee, taxes and the change to its balance. */
export function LinesTable({ ctx, lines, caption }: { ctx: PageCtx; lines: SellerLine[]; caption?: string }) {
  const { t } = ctx;
  const amount = (v: bigint) => (v === 0n ? '' : money(ctx, v));
  const columns: Column<SellerLine>[] = [
    { header: t('ledger.col.date'), text: (l) => formatDate(l.at, ctx.locale, true) },
    { header: t('ledger.col.kind'), text: (l) => t(`ledger.entry.${l.kind}`) },
    { header: t('ledger.col.memo'), text: (l) => l.memo },
    { header: t('ledger.col.gross'), text: (l) => amount(l.gross) },
    { header: t('ledger.col.fee'), text: (l) => amount(l.fee) },
    { header: t('ledger.col.vat'), text: (l) => amount(l.vat) },
    { header: t('ledger.col.pit'), text: (l) => amount(l.pit) },
    { header: t('ledger.col.change'), text: (l) => money(ctx, l.change) },
  ];
  if (!lines.length)
    return (
      <p class="muted" safe>
        {t('ledger.no_entries')}
      </p>
    );
  return <Table columns={columns} rows={lines} rowId={(l) => l.id} caption={caption} />;
}

/** Withholding rows of a month: per kind of supply and rate, withheld, offset and net. */
export function WithholdingTable({
  ctx,
  rows,
  sellerCell,
}: {
  ctx: PageCtx;
  rows: WithholdingRow[];
  sellerCell?: (r: WithholdingRow) => JSX.Element;
}) {
  const { t } = ctx;
  const pct = (bp: number) => `${(bp / 100).toLocaleString(ctx.locale === 'vi' ? 'vi-VN' : 'en-US')} %`;
  const columns: Column<WithholdingRow>[] = [
    ...(sellerCell ? [{ header: t('ledger.col.sellerName'), cell: sellerCell }] : []),
    { header: t('ledger.col.supplyKind'), text: (r) => t(`ledger.kind.${r.supplyKind}`) },
    { header: t('ledger.col.revenue'), text: (r) => money(ctx, r.revenue) },
    { header: t('ledger.col.revenueOffset'), text: (r) => money(ctx, r.revenueOffset) },
    { header: t('ledger.col.vatRate'), text: (r) => pct(r.vatBp) },
    { header: t('ledger.col.vatNet'), text: (r) => money(ctx, r.vat - r.vatOffset) },
    { header: t('ledger.col.pitRate'), text: (r) => pct(r.pitBp) },
    { header: t('ledger.col.pitNet'), text: (r) => money(ctx, r.pit - r.pitOffset) },
  ];
  if (!rows.length)
    return (
      <p class="muted" safe>
        {t('ledger.tax.none')}
      </p>
    );
  return <Table columns={columns} rows={rows} />;
}
