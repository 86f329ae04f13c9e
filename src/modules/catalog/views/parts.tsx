import { formatDate, formatMoney } from '../../../platform/http/i18n.js';
import type { PageCtx } from '../../../web/page.js';
import type { ProductStatus } from '../lifecycle.js';
import type { productHistory } from '../transitions.js';

const badgeClass: Record<ProductStatus, string> = {
  draft: 'badge',
  published: 'badge ok',
  hidden: 'badge submitted',
  taken_down: 'badge rejected',
};

export function StatusBadge({ ctx, status }: { ctx: PageCtx; status: ProductStatus }) {
  return (
    <span class={badgeClass[status]} data-status={status} safe>
      {ctx.t(`catalog.status.${status}`)}
    </span>
  );
}

/** "từ 1.250.000 ₫" when variants differ in price. */
export function priceText(ctx: PageCtx, priceMin: bigint | null, several: boolean): string {
  if (priceMin === null) return '';
  const money = formatMoney(priceMin, ctx.locale);
  return several ? ctx.t('catalog.price_from', { price: money }) : money;
}

/** Only officers move a product into or out of taken_down (the lifecycle table says so). */
const byOfficer = (h: { fromStatus: ProductStatus | null; toStatus: ProductStatus }) =>
  h.toStatus === 'taken_down' || h.fromStatus === 'taken_down';

/** Every transition of a product with who acted (shop or officer) and why. */
export function History({
  ctx,
  history,
}: {
  ctx: PageCtx;
  history: Awaited<ReturnType<typeof productHistory>>;
}) {
  const { t, locale } = ctx;
  return (
    <ol class="timeline">
      {history.map((h) => (
        <li>
          <span class="muted" safe>
            {formatDate(h.at, locale, true)}
          </span>{' '}
          <StatusBadge ctx={ctx} status={h.toStatus} />{' '}
          <span safe>{t(byOfficer(h) ? 'catalog.by_officer' : 'catalog.by_shop')}</span>
          {h.reason ? <p safe>{`${t('catalog.reason')}: ${h.reason}`}</p> : ''}
        </li>
      ))}
    </ol>
  );
}
