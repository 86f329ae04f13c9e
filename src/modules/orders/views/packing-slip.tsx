import { formatDate } from '../../../platform/http/i18n.js';
import { Layout } from '../../../web/layout.js';
import type { PageCtx } from '../../../web/page.js';
import { type Column, Table } from '../../../web/table.js';
import { lineLabel } from '../order-json.js';
import type { Order, OrderLine } from '../order-queries.js';
import { ordersCss } from './order-page.js';
import { money } from './order-parts.js';

/**
 * The sheet that goes in (or on) the parcel: sender, recipient, what is inside, and the cash
 * the carrier collects. On paper only the sheet prints (orders.css hides the rest of the page).
 */
export function PackingSlipPage({ ctx, order, lines }: { ctx: PageCtx; order: Order; lines: OrderLine[] }) {
  const { t, locale } = ctx;
  const s = order.snapshot;
  const title = t('orders.slip.title', { code: order.code });
  const cod = order.paymentMethod === 'cod';
  const columns: Column<OrderLine>[] = [
    {
      header: t('orders.col.product'),
      text: (l) => {
        const n = lineLabel(order, l);
        return n.variantName ? `${n.name} (${n.variantName})` : n.name;
      },
    },
    { header: t('orders.col.sku'), text: (l) => s.lines.find((x) => x.variantId === l.variantId)?.sku ?? '' },
    { header: t('orders.col.quantity'), text: (l) => `${l.quantity} ${lineLabel(order, l).unit}` },
    { header: t('orders.col.amount'), text: (l) => money(ctx, l.amount) },
  ];
  return (
    <Layout ctx={ctx} title={title} head={ordersCss()}>
      <p class="no-print">
        <a href={`/kenh-ban-hang/don-hang/${order.code}`} safe>
          {t('orders.page.order', { code: order.code })}
        </a>
      </p>
      <p class="no-print muted" safe>
        {t('orders.slip.how_to_print')}
      </p>
      <article class="packing-slip">
        <h1 safe>{title}</h1>
        <p safe>{`${t('orders.fact.placed')}: ${formatDate(order.placedAt, locale, true)}`}</p>
        <div class="slip-parties">
          <section>
            <h2 safe>{t('orders.slip.from')}</h2>
            <p safe>{s.seller.name}</p>
            <p safe>{s.seller.address}</p>
            <p safe>{s.seller.phone ?? ''}</p>
          </section>
          <section>
            <h2 safe>{t('orders.slip.to')}</h2>
            <p>
              <strong safe>{s.buyer.name}</strong>
            </p>
            <p safe>{s.buyer.phone}</p>
            <p safe>{order.deliveryMethod === 'pickup' ? t('orders.delivery.pickup') : s.buyer.address}</p>
          </section>
        </div>
        <Table columns={columns} rows={lines} rowId={(l) => l.id} />
        <p class="slip-cod">
          <strong safe>
            {cod ? t('orders.slip.cod', { amount: money(ctx, order.total) }) : t('orders.slip.no_cod')}
          </strong>
        </p>
        {order.note ? <p safe>{`${t('orders.fact.note')}: ${order.note}`}</p> : ''}
      </article>
    </Layout>
  );
}
