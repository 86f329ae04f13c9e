import { formatMoney } from '../../../platform/http/i18n.js';
import { emptyForm, type FormState } from '../../../web/forms.js';
import type { PageCtx } from '../../../web/page.js';
import { Timeline } from '../../../web/timeline.js';
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
  const { t } = ctx;
  return (
    <Timeline
      locale={ctx.locale}
      reasonLabel={t('catalog.reason')}
      badge={(status) => <StatusBadge ctx={ctx} status={status} />}
      steps={history.map((h) => ({
        at: h.at,
        status: h.toStatus,
        by: t(byOfficer(h) ? 'catalog.by_officer' : 'catalog.by_shop'),
        reason: h.reason,
      }))}
    />
  );
}

/** A product page's heading: the name and its status. */
export function ProductHeading({
  ctx,
  product,
}: {
  ctx: PageCtx;
  product: { name: string; status: ProductStatus };
}) {
  return (
    <h1>
      <span safe>{product.name}</span> <StatusBadge ctx={ctx} status={product.status} />
    </h1>
  );
}

/**
 * The state of one of several forms on a page, its error fields under `prefix` so that each
 * form's labels and errors stay its own (`officer.take_down.reason`, `stock.<variant>.delta`).
 */
export function prefixed(state: FormState | undefined, prefix: string): FormState {
  const s = state ?? emptyForm();
  return { values: s.values, errors: s.errors.map((e) => ({ ...e, field: `${prefix}.${e.field}` })) };
}
