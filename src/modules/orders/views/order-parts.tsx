import { formatDate, formatMoney } from '../../../platform/http/i18n.js';
import {
  ButtonForm,
  Csrf,
  ErrorSummary,
  emptyForm,
  Field,
  type FormState,
  Submit,
  TextArea,
} from '../../../web/forms.js';
import type { PageCtx } from '../../../web/page.js';
import { type Column, Table } from '../../../web/table.js';
import { Timeline } from '../../../web/timeline.js';
import { finalStates, type OrderAction, type OrderStatus } from '../lifecycle.js';
import { lineLabel, type OrderDetail } from '../order-json.js';
import type { Order, OrderLine, OrderRow } from '../order-queries.js';
import { REASON_MAX } from '../transitions.js';

/** A form of the page that was posted and refused: shown again with its errors. */
export interface FailedAction {
  action: OrderAction;
  state: FormState;
}

export function StatusBadge({ ctx, status }: { ctx: PageCtx; status: OrderStatus }) {
  return (
    <span class={`badge order-${status}`} safe>
      {ctx.t(`orders.status.${status}`)}
    </span>
  );
}

export const money = (ctx: PageCtx, v: bigint) => formatMoney(v, ctx.locale);

/** What a row says about the goods: the first item, and how many more. */
export function itemsText(ctx: PageCtx, r: Pick<OrderRow, 'firstItem' | 'items'>) {
  return r.items > 1 ? ctx.t('orders.items_more', { first: r.firstItem, n: r.items - 1 }) : r.firstItem;
}

/** The order's facts: state, dates, the other side, delivery and payment. */
export function OrderFacts({ ctx, order, side }: { ctx: PageCtx; order: Order; side: 'buyer' | 'seller' }) {
  const { t, locale } = ctx;
  const s = order.snapshot;
  const facts: [string, string][] = [
    [t('orders.fact.placed'), formatDate(order.placedAt, locale, true)],
    side === 'buyer' ? [t('orders.fact.shop'), s.seller.name] : [t('orders.fact.buyer'), s.buyer.name],
    [t('orders.fact.delivery'), t(`orders.delivery.${order.deliveryMethod}`)],
    [t('orders.fact.address'), `${s.buyer.name}, ${s.buyer.phone}, ${s.buyer.address}`],
    [t('orders.fact.payment'), t(`orders.payment.${order.paymentMethod}`)],
  ];
  if (order.payBy && (order.status === 'placed' || order.status === 'awaiting_payment'))
    facts.push([t('orders.fact.pay_by'), formatDate(order.payBy, locale, true)]);
  if (order.carrier) facts.push([t('label.carrier'), order.carrier]);
  if (order.trackingNo) facts.push([t('label.trackingNo'), order.trackingNo]);
  if (order.deliveredAt)
    facts.push([t('orders.fact.delivered'), formatDate(order.deliveredAt, locale, true)]);
  if (order.completedAt)
    facts.push([t('orders.fact.completed'), formatDate(order.completedAt, locale, true)]);
  if (order.note) facts.push([t('orders.fact.note'), order.note]);
  return (
    <dl class="facts">
      <dt safe>{t('orders.fact.status')}</dt>
      <dd>
        <StatusBadge ctx={ctx} status={order.status} />
      </dd>
      {facts.map(([k, v]) => (
        <>
          <dt safe>{k}</dt>
          <dd safe>{v}</dd>
        </>
      ))}
    </dl>
  );
}

/** The order's lines and its totals. */
export function LinesTable({ ctx, order, lines }: { ctx: PageCtx; order: Order; lines: OrderLine[] }) {
  const { t } = ctx;
  const returned = lines.some((l) => l.returnedQuantity > 0);
  const columns: Column<OrderLine>[] = [
    {
      header: t('orders.col.product'),
      text: (l) => {
        const n = lineLabel(order, l);
        return n.variantName ? `${n.name} (${n.variantName})` : n.name;
      },
    },
    { header: t('orders.col.unit_price'), text: (l) => money(ctx, l.unitPrice) },
    { header: t('orders.col.quantity'), text: (l) => `${l.quantity} ${lineLabel(order, l).unit}` },
    { header: t('orders.col.amount'), text: (l) => money(ctx, l.amount) },
    ...(returned
      ? [{ header: t('orders.col.returned'), text: (l: OrderLine) => String(l.returnedQuantity) }]
      : []),
  ];
  return (
    <>
      <Table columns={columns} rows={lines} rowId={(l) => l.id} caption={t('orders.page.lines')} />
      <dl class="facts">
        <dt safe>{t('orders.total.subtotal')}</dt>
        <dd safe>{money(ctx, order.subtotal)}</dd>
        <dt safe>{t('orders.total.shipping')}</dt>
        <dd safe>{money(ctx, order.shippingFee)}</dd>
        <dt safe>{t('orders.total.total')}</dt>
        <dd>
          <strong safe>{money(ctx, order.total)}</strong>
        </dd>
      </dl>
    </>
  );
}

/**
 * The payment's state in words. Money paid online is held only until the order ends: then it
 * has gone to the seller (completed), back to the buyer (cancelled), or both (returned).
 */
function paymentStatusKey({ payment: p, order }: OrderDetail): string {
  if (!p) return 'orders.payment_status.none';
  if (p.status === 'paid' && finalStates.includes(order.status))
    return `orders.payment_status.paid_${order.status}`;
  return `orders.payment_status.${p.status}`;
}

/** How the order is paid, and its signed papers: the e-contract, the e-invoices. */
export function Papers({ ctx, d }: { ctx: PageCtx; d: OrderDetail }) {
  const { t } = ctx;
  const p = d.payment;
  return (
    <section aria-labelledby="papers">
      <h2 id="papers" safe>
        {t('orders.page.payment')}
      </h2>
      <dl class="facts">
        <dt safe>{t('orders.fact.payment_status')}</dt>
        <dd safe>{t(paymentStatusKey(d))}</dd>
        {p && p.amountPaid > 0n ? (
          <>
            <dt safe>{t('orders.fact.amount_paid')}</dt>
            <dd safe>{money(ctx, p.amountPaid)}</dd>
          </>
        ) : (
          ''
        )}
        <dt safe>{t('orders.fact.contract')}</dt>
        <dd>
          {d.contract ? (
            <a href={d.contract.path} safe>
              {d.contract.code}
            </a>
          ) : (
            <span class="muted" safe>
              {t('orders.fact.contract_pending')}
            </span>
          )}
        </dd>
        {d.invoices.length ? (
          <>
            <dt safe>{t('orders.fact.invoices')}</dt>
            <dd>
              <ul>
                {d.invoices.map((i) => (
                  <li>
                    <a href={i.url} safe>
                      {t('orders.invoice', {
                        symbol: i.symbol,
                        number: i.number,
                        kind: t(`orders.invoice_kind.${i.kind}`),
                      })}
                    </a>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : (
          ''
        )}
      </dl>
    </section>
  );
}

export function History({ ctx, d }: { ctx: PageCtx; d: OrderDetail }) {
  return (
    <section aria-labelledby="history">
      <h2 id="history" safe>
        {ctx.t('orders.page.history')}
      </h2>
      <Timeline
        locale={ctx.locale}
        steps={d.history}
        badge={(s) => <StatusBadge ctx={ctx} status={s} />}
        reasonLabel={ctx.t('orders.reason_label')}
      />
    </section>
  );
}

const needsReason: readonly OrderAction[] = ['cancel', 'request_return', 'reject_return'];

/** The shipment's fields and their longest lengths (what transitionOrder takes). */
const shipFields = [
  ['carrier', 100],
  ['trackingNo', 50],
] as const;

/** The label of an action's button, for this order. */
function actionLabel(ctx: PageCtx, order: Order, action: OrderAction) {
  if (action === 'ship' && order.deliveryMethod === 'pickup') return ctx.t('orders.action.ship_pickup');
  if (action === 'deliver' && order.paymentMethod === 'cod') return ctx.t('orders.action.deliver_cod');
  return ctx.t(`orders.action.${action}`);
}

/**
 * One form per action the viewer may take now, each posting to `<base>/<action>`; a refused
 * one comes back with its errors and what was typed.
 */
export function ActionForms({
  ctx,
  d,
  base,
  failed,
}: {
  ctx: PageCtx;
  d: OrderDetail;
  base: string;
  failed?: FailedAction;
}) {
  const { t } = ctx;
  const { order } = d;
  if (!d.actions.length) return '';
  const stateOf = (a: OrderAction) => (failed?.action === a ? failed.state : emptyForm());
  return (
    <section aria-labelledby="actions">
      <h2 id="actions" safe>
        {t('orders.page.actions')}
      </h2>
      {failed ? <ErrorSummary state={failed.state} t={t} /> : ''}
      {d.actions.map((a) => {
        const state = stateOf(a);
        const action = `${base}/${a}`;
        const label = actionLabel(ctx, order, a);
        if (needsReason.includes(a))
          return (
            <form method="post" action={action} class="group">
              <Csrf token={ctx.csrf()} />
              <TextArea name="reason" state={state} t={t} required maxlength={REASON_MAX} rows={3} />
              <Submit label={label} danger={a === 'cancel'} />
            </form>
          );
        if (a === 'ship')
          return (
            <form method="post" action={action} class="group">
              <Csrf token={ctx.csrf()} />
              {shipFields.map(([name, maxlength]) => (
                <Field
                  name={name}
                  state={state}
                  t={t}
                  required={order.deliveryMethod === 'seller_delivery'}
                  maxlength={maxlength}
                />
              ))}
              <Submit label={label} />
            </form>
          );
        if (a === 'accept_return')
          return <ReturnForm ctx={ctx} d={d} action={action} state={state} label={label} />;
        return <ButtonForm action={action} csrf={ctx.csrf()} label={label} />;
      })}
    </section>
  );
}

/** Accepting a return: how many of each line came back (all of them unless changed). */
function ReturnForm({
  ctx,
  d,
  action,
  state,
  label,
}: {
  ctx: PageCtx;
  d: OrderDetail;
  action: string;
  state: FormState;
  label: string;
}) {
  const { t } = ctx;
  const values = Object.fromEntries(
    d.lines.map((l) => [`returned.${l.id}`, state.values[`returned.${l.id}`] ?? String(l.quantity)]),
  );
  const lineState = { values, errors: state.errors };
  return (
    <form method="post" action={action} class="group">
      <Csrf token={ctx.csrf()} />
      {d.lines.map((l) => (
        <Field
          name={`returned.${l.id}`}
          state={lineState}
          t={t}
          type="number"
          inputmode="numeric"
          label={t('orders.return_quantity', { name: lineLabel(d.order, l).name, max: l.quantity })}
        />
      ))}
      <Submit label={label} />
    </form>
  );
}

/** Whether a refused form post is one the page shows again (a field to fix, a state that moved on). */
export const fixable = [409, 422] as const;
