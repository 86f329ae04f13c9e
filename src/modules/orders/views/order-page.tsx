import type { Children } from '@kitajs/html';
import { asset } from '../../../web/assets.js';
import { BackLink } from '../../../web/back-link.js';
import { Confirmation } from '../../../web/forms.js';
import { Layout } from '../../../web/layout.js';
import type { PageCtx } from '../../../web/page.js';
import type { OrderDetail } from '../order-json.js';
import { ActionForms, type FailedAction, History, LinesTable, OrderFacts, Papers } from './order-parts.js';

export const ordersCss = () => <link rel="stylesheet" href={asset('orders.css')} />;

/** What the route gives an order page: the order, the step just taken, a refused form. */
export interface OrderPageProps {
  ctx: PageCtx;
  d: OrderDetail;
  done?: string;
  failed?: FailedAction;
}

/**
 * One order as each side reads it, in the same order for all: what was just done, what the
 * side adds (`children`), the facts, the goods, the papers, the steps it may take (forms
 * posting to `<base>/<action>`), the history.
 */
export function OrderPage({
  ctx,
  d,
  done,
  failed,
  back,
  base,
  side,
  children,
}: OrderPageProps & {
  back: { href: string; label: string };
  base: string;
  side: 'buyer' | 'seller';
  children?: Children;
}) {
  const { t } = ctx;
  const { order } = d;
  const title = t('orders.page.order', { code: order.code });
  return (
    <Layout ctx={ctx} title={title} head={ordersCss()}>
      <BackLink href={back.href} label={back.label} />
      <h1 safe>{title}</h1>
      <Confirmation text={done && t(`orders.done.${done}`)} />
      {children}
      <OrderFacts ctx={ctx} order={order} side={side} />
      <LinesTable ctx={ctx} order={order} lines={d.lines} />
      <Papers ctx={ctx} d={d} />
      <ActionForms ctx={ctx} d={d} base={base} failed={failed} />
      <History ctx={ctx} d={d} />
    </Layout>
  );
}
