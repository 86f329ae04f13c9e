import { BackLink } from '../../../web/back-link.js';
import { Layout } from '../../../web/layout.js';
import type { PageCtx } from '../../../web/page.js';
import { Pager } from '../../../web/pager.js';
import type { Seller } from '../../sellers/index.js';
import type { BalanceView, SellerStatement, WithholdingRow } from '../statements.js';
import { LedgerNav, LinesTable, MonthForm, money, WithholdingTable } from './parts.js';

/** The officers' page of the month's withholding, with the declaration workbook and each seller's statement. */
export function DeclarationPage({
  ctx,
  month,
  rows,
  sellers,
}: {
  ctx: PageCtx;
  month: string;
  rows: WithholdingRow[];
  sellers: Map<string, Seller>;
}) {
  const { t } = ctx;
  const sum = (f: (r: WithholdingRow) => bigint) => rows.reduce((s, r) => s + f(r), 0n);
  return (
    <Layout ctx={ctx} title={t('ledger.tax.title')}>
      <LedgerNav ctx={ctx} current="tax" />
      <h1 safe>{t('ledger.tax.title')}</h1>
      <p safe>{t('ledger.tax.intro')}</p>
      <MonthForm ctx={ctx} action="/quan-ly/thue-khau-tru" month={month} />
      <p>
        <a class="button secondary" href={`/quan-ly/thue-khau-tru.xlsx?thang=${month}`} safe>
          {t('ledger.tax.download')}
        </a>
      </p>
      <p role="status" safe>
        {t('ledger.tax.totals', {
          month,
          vat: money(
            ctx,
            sum((r) => r.vat - r.vatOffset),
          ),
          pit: money(
            ctx,
            sum((r) => r.pit - r.pitOffset),
          ),
        })}
      </p>
      <WithholdingTable
        ctx={ctx}
        rows={rows}
        sellerCell={(r) => (
          <a href={`/quan-ly/thue-khau-tru/${r.sellerId}?thang=${month}`} safe>
            {sellers.get(r.sellerId)?.shopName ?? r.sellerId}
          </a>
        )}
      />
    </Layout>
  );
}

/** A seller's month, for its members (`base` under the seller centre) or officers (under the console). */
export function StatementPage({
  ctx,
  seller,
  statement,
  base,
  back,
  download,
  query = {},
}: {
  ctx: PageCtx;
  seller: Seller;
  statement: SellerStatement;
  /** The page's own address (the month form posts back to it). */
  base: string;
  back: { href: string; label: string };
  download: string;
  query?: Record<string, string>;
}) {
  const { t } = ctx;
  const s = statement;
  return (
    <Layout ctx={ctx} title={t('ledger.statement.title', { month: s.month })}>
      <BackLink href={back.href} label={back.label} />
      <h1 safe>{t('ledger.statement.title', { month: s.month })}</h1>
      <p class="muted" safe>
        {seller.shopName}
      </p>
      <MonthForm ctx={ctx} action={base} month={s.month} hidden={query} />
      <p>
        <a class="button secondary" href={download} safe>
          {t('ledger.statement.download')}
        </a>
      </p>
      <dl class="facts">
        <dt safe>{t('ledger.statement.opening')}</dt>
        <dd safe>{money(ctx, s.openingBalance)}</dd>
        <dt safe>{t('ledger.statement.closing')}</dt>
        <dd safe>{money(ctx, s.closingBalance)}</dd>
      </dl>
      <LinesTable ctx={ctx} lines={s.lines} caption={t('ledger.statement.lines')} />
      <h2 safe>{t('ledger.statement.withholding')}</h2>
      <WithholdingTable ctx={ctx} rows={s.withholding} />
    </Layout>
  );
}

/** For a signed-in user who belongs to no shop. */
export function NoShopPage({ ctx }: { ctx: PageCtx }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('ledger.balance.title')}>
      <h1 safe>{t('ledger.balance.title')}</h1>
      <p class="notice" safe>
        {t('ledger.balance.no_shop')}
      </p>
    </Layout>
  );
}

/** The seller centre's balance: what the platform holds and owes the shop, and every movement. */
export function BalancePage({
  ctx,
  seller,
  shops,
  balance,
  month,
}: {
  ctx: PageCtx;
  seller: Seller;
  shops: Seller[];
  balance: BalanceView;
  month: string;
}) {
  const { t } = ctx;
  const h = balance.history;
  return (
    <Layout ctx={ctx} title={t('ledger.balance.title')}>
      <BackLink href="/kenh-ban-hang" label={t('nav.seller')} />
      <h1 safe>{t('ledger.balance.title')}</h1>
      {shops.length > 1 ? (
        <nav class="actions" aria-label={t('ledger.balance.shops')}>
          {shops.map((s) => (
            <a
              href={`/kenh-ban-hang/so-du?shop=${s.id}`}
              aria-current={s.id === seller.id ? 'page' : undefined}
              safe
            >
              {s.shopName}
            </a>
          ))}
        </nav>
      ) : (
        <p class="muted" safe>
          {seller.shopName}
        </p>
      )}
      <dl class="facts">
        <dt safe>{t('ledger.balance.available')}</dt>
        <dd safe>{money(ctx, balance.available)}</dd>
        <dt safe>{t('ledger.balance.payable')}</dt>
        <dd safe>{money(ctx, balance.payable)}</dd>
        <dt safe>{t('ledger.balance.receivable')}</dt>
        <dd safe>{money(ctx, balance.receivable)}</dd>
        <dt safe>{t('ledger.balance.escrow')}</dt>
        <dd safe>{money(ctx, balance.escrow)}</dd>
      </dl>
      <p class="hint" safe>
        {t('ledger.balance.explain')}
      </p>
      <p>
        <a href={`/kenh-ban-hang/so-du/sao-ke?shop=${seller.id}&thang=${month}`} safe>
          {t('ledger.balance.statement')}
        </a>
      </p>
      <LinesTable ctx={ctx} lines={h.items} caption={t('ledger.balance.history')} />
      <Pager
        t={t}
        page={h.page}
        pages={h.pages}
        href={(page) => `/kenh-ban-hang/so-du?shop=${seller.id}&page=${page}`}
      />
    </Layout>
  );
}
