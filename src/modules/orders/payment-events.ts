import { eq } from 'drizzle-orm';
import { isUuid } from '../../platform/db/columns.js';
import type { Deps } from '../../platform/module.js';
import { refundEscrow } from '../ledger/index.js';
import { notify } from '../notifications/index.js';
import type { PaymentSucceeded } from '../payments/index.js';
import { buyerOrderPath } from './order-notices.js';
import { orders } from './schema.js';
import { transitionOrder } from './transitions.js';

/**
 * The money of an order has arrived (payments published PAYMENT_SUCCEEDED with its ledger
 * entry). An order waiting for it becomes paid; one already paid or further is left alone (the
 * event may come twice); one cancelled in the meantime gives the money back to its buyer, who
 * is told. The order row is locked first, so a cancellation at the same moment waits for this.
 */
export async function onPaymentSucceeded(deps: Deps, e: PaymentSucceeded): Promise<void> {
  if (!isUuid(e.orderId)) return;
  await deps.db.transaction(async (tx) => {
    const [order] = await tx.select().from(orders).where(eq(orders.id, e.orderId)).for('update');
    if (!order) return;
    if (order.status === 'awaiting_payment') {
      await transitionOrder(tx, {
        orderId: order.id,
        action: 'pay',
        actor: 'system',
        publicUrl: deps.config.publicUrl,
      });
      return;
    }
    if (order.status !== 'cancelled') return;
    const refunded = await refundEscrow(tx, {
      orderId: order.id,
      sellerId: order.sellerId,
      reason: `order ${order.code} paid after its cancellation`,
    });
    if (refunded > 0n)
      await notify(
        tx,
        [order.buyerId],
        {
          titleKey: 'orders.notice.late_payment.title',
          bodyKey: 'orders.notice.late_payment.body',
          params: { code: order.code },
          link: buyerOrderPath(order.code),
        },
        deps.config.publicUrl,
      );
  });
}
