import type { Executor } from '../../platform/db/pool.js';
import { translate } from '../../platform/http/i18n.js';
import { queueMail } from '../../platform/mail/outbox.js';
import { normaliseEmail, userContacts } from '../identity/index.js';
import { notify } from '../notifications/index.js';
import { staffOf } from '../sellers/index.js';
import type { OrderAction, OrderParty } from './lifecycle.js';
import type { orders } from './schema.js';

type Order = typeof orders.$inferSelect;

export const buyerOrderPath = (code: string) => `/don-hang/${code}`;
export const sellerOrderPath = (code: string) => `/kenh-ban-hang/don-hang/${code}`;

/** The message of a step: a cancellation says who cancelled, a pick-up order is ready rather than shipped. */
function noticeOf(order: Order, action: OrderAction, party: OrderParty): string {
  if (action === 'cancel') return `cancel_${party}`;
  if (action === 'complete' && party === 'system') return 'complete_system';
  if (action === 'ship' && order.deliveryMethod === 'pickup') return 'ship_pickup';
  return action;
}

/**
 * Tells the buyer and the shop's members about a step of their order, in the app and by mail,
 * in the transition's transaction; whoever made the step is not told about it. The buyer's
 * contact address given at checkout gets the mail too when it is not the account's own.
 */
export async function tellParties(
  tx: Executor,
  step: { order: Order; action: OrderAction; party: OrderParty; reason: string | null; actorId: string },
  publicUrl: string,
): Promise<void> {
  const { order, actorId } = step;
  const key = noticeOf(order, step.action, step.party);
  const params = {
    code: order.code,
    shop: order.snapshot.seller.name,
    reason: step.reason ?? '',
    carrier: order.carrier ?? '',
    trackingNo: order.trackingNo ?? '',
  };
  const notice = (link: string) => ({
    titleKey: `orders.notice.${key}.title`,
    bodyKey: `orders.notice.${key}.body`,
    params,
    link,
  });
  const members = (await staffOf(tx, order.sellerId)).members
    .map((m) => m.userId)
    .filter((id) => id !== actorId && id !== order.buyerId);
  if (members.length) await notify(tx, members, notice(sellerOrderPath(order.code)), publicUrl);
  if (order.buyerId === actorId) return;
  await notify(tx, [order.buyerId], notice(buyerOrderPath(order.code)), publicUrl);
  const contact = order.snapshot.buyer.email;
  const [account] = await userContacts(tx, [order.buyerId]);
  if (contact && account && normaliseEmail(contact) !== normaliseEmail(account.email ?? '')) {
    const subject = translate(account.locale, `orders.notice.${key}.title`, params);
    const body = translate(account.locale, `orders.notice.${key}.body`, params);
    await queueMail(tx, {
      to: contact,
      subject,
      text: `${translate(account.locale, 'mail.greeting', { name: order.snapshot.buyer.name })}\n\n${body}\n\n${publicUrl}${buyerOrderPath(order.code)}\n`,
    });
  }
}
