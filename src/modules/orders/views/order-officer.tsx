import { BackLink } from '../../../web/back-link.js';
import { Layout } from '../../../web/layout.js';
import type { PageCtx } from '../../../web/page.js';
import { OrderPage, type OrderPageProps } from './order-page.js';

export const OFFICER_ORDERS = '/quan-ly/don-hang';

/** Finding an order by its code (what a buyer or a seller quotes when they call the Department). */
export function OfficerFindPage({ ctx, code, missing }: { ctx: PageCtx; code?: string; missing?: boolean }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('orders.officer.find')}>
      <BackLink href="/quan-ly" label={t('nav.console')} />
      <h1 safe>{t('orders.officer.find')}</h1>
      {missing ? (
        <p class="notice warn" role="alert" safe>
          {t('orders.officer.missing', { code: code ?? '' })}
        </p>
      ) : (
        ''
      )}
      <form method="get" action={OFFICER_ORDERS} class="filters">
        <div class="field">
          <label for="f-code" safe>
            {t('orders.officer.code')}
          </label>
          <input id="f-code" name="code" value={code ?? ''} required autocomplete="off" />
        </div>
        <button type="submit" class="secondary" safe>
          {t('orders.officer.open')}
        </button>
      </form>
    </Layout>
  );
}

/** Any order, as an officer reads it: both sides, the goods, the history; a return in dispute can be decided here. */
export function OfficerOrderPage(p: OrderPageProps) {
  const { t } = p.ctx;
  const { order } = p.d;
  return (
    <OrderPage
      {...p}
      back={{ href: OFFICER_ORDERS, label: t('orders.officer.find') }}
      base={`${OFFICER_ORDERS}/${order.code}`}
      side="seller"
    >
      <p safe>{`${t('orders.fact.shop')}: ${order.snapshot.seller.name}`}</p>
    </OrderPage>
  );
}
