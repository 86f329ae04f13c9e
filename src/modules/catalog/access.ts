import type { Executor } from '../../platform/db/pool.js';
import { forbidden, notFound } from '../../platform/http/errors.js';
import { getSeller, isSellerMember, type Seller } from '../sellers/index.js';

/** Sellers whose shop is closed for good: their members can still look, not change. */
const closed: readonly Seller['status'][] = ['rejected', 'terminated'];

/**
 * The one rule of the seller side: a shop's products are managed by its members (owner and
 * staff), nobody else; a rejected or terminated shop's products can no longer be changed.
 * 404 when there is no such shop, 403 otherwise.
 */
export async function memberSeller(
  db: Executor,
  userId: string,
  sellerId: string,
  opts: { write?: boolean } = {},
): Promise<Seller> {
  const seller = /^[0-9a-f-]{36}$/i.test(sellerId) ? await getSeller(db, sellerId) : undefined;
  if (!seller) throw notFound();
  if (!(await isSellerMember(db, sellerId, userId))) throw forbidden();
  if (opts.write && closed.includes(seller.status)) throw forbidden('catalog.seller.closed');
  return seller;
}

/** Only approved shops publish; a suspended or terminated one cannot. */
export const canPublish = (seller: Seller) => seller.status === 'approved';
