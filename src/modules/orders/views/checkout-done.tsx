import { formatDate, formatMoney } from '../../../platform/http/i18n.js';
import { Layout } from '../../../web/layout.js';
import type { PageCtx } from '../../../web/page.js';
import { paymentPagePath } from '../../payments/index.js';
import type { OrderRow } from '../checkout.js';

/**
 * After the checkout: its orders together, one a shop, each with what happens next: the
 * payment page of an order paid online (before its deadline), the order's own page.
 */
export function CheckoutDonePage({ ctx, orders }: { ctx: PageCtx; orders: OrderRow[] }) {
  const { t, locale } = ctx;
  const online = orders.filter((o) => o.paymentMethod !== 'cod' && o.status === 'awaiting_payment');
  return (
    <Layout ctx={ctx} title={t('checkout.done_title')}>
      <h1 safe>{t('checkout.done_title')}</h1>
      <p class="notice ok" role="status" safe>
        {t('checkout.done_text', { count: orders.length })}
      </p>
      {online.length ? (
        <p safe>{t('checkout.done_pay', { time: formatDate(online[0].payBy, locale, true) })}</p>
      ) : (
        ''
      )}
      <div class="scroll">
        <table>
          <thead>
            <tr>
              {[
                'checkout.order_code',
                'checkout.shop',
                'checkout.total',
                'checkout.payment',
                'checkout.next',
              ].map((k) => (
                <th scope="col" safe>
                  {t(k)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {orders.map((o) => (
              <tr data-id={o.code}>
                <th scope="row">
                  <a href={`/don-hang/${encodeURIComponent(o.code)}`} safe>
                    {o.code}
                  </a>
                </th>
                <td safe>{o.snapshot.seller.name}</td>
                <td safe>{formatMoney(o.total, locale)}</td>
                <td safe>{t(`checkout.pay.${o.paymentMethod}`)}</td>
                <td>
                  {o.paymentMethod !== 'cod' && o.status === 'awaiting_payment' ? (
                    <a class="button" href={paymentPagePath(o.code)} safe>
                      {t('checkout.pay_now', { code: o.code })}
                    </a>
                  ) : (
                    <span safe>{t(`checkout.next.${o.paymentMethod === 'cod' ? 'cod' : 'paid'}`)}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        <a href="/don-hang" safe>
          {t('checkout.my_orders')}
        </a>
      </p>
    </Layout>
  );
}
