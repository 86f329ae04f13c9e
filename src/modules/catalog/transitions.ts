import { asc, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/service.js';
import type { Executor } from '../../platform/db/pool.js';
import type { Actor } from '../../platform/http/context.js';
import { AppError } from '../../platform/http/errors.js';
import { notify } from '../notifications/index.js';
import { staffOf } from '../sellers/index.js';
import { canPublish, memberSeller } from './access.js';
import { type ProductAction, type ProductParty, type ProductStatus, productLifecycle } from './lifecycle.js';
import { products, productTransitions } from './schema.js';
import { syncSearchDoc } from './search-doc.js';
import { lockProduct } from './service.js';

export interface ProductTransitionInput {
  productId: string;
  action: ProductAction;
  actor: Pick<Actor, 'id' | 'email' | 'phone'>;
  party: ProductParty;
  reason?: string;
  ip?: string;
  publicUrl: string;
}

/**
 * Moves a product along its lifecycle in one transaction: checks the table and who may act,
 * records who, when and why, keeps search in step (a document while published, none
 * otherwise), and for an officer's decision writes the audit log and tells the shop's
 * members, with the reason they will also see on the product.
 */
export async function transitionProduct(db: Executor, input: ProductTransitionInput): Promise<ProductStatus> {
  return db.transaction(async (tx) => {
    const p = await lockProduct(tx, input.productId);
    const seller = input.party === 'seller' ? await memberSeller(tx, input.actor.id, p.sellerId) : undefined;
    const reason = input.reason?.trim() || null;
    const to = productLifecycle.next(p.status, input.action, input.party, reason ?? undefined);
    if (to === 'published' && seller && !canPublish(seller))
      throw new AppError(409, 'seller_not_approved', 'catalog.publish.seller_not_approved');
    const now = new Date();
    await tx
      .update(products)
      .set({
        status: to,
        statusReason: input.party === 'officer' ? reason : null,
        ...(to === 'published' && !p.publishedAt ? { publishedAt: now } : {}),
      })
      .where(eq(products.id, p.id));
    await tx.insert(productTransitions).values({
      productId: p.id,
      fromStatus: p.status,
      toStatus: to,
      actorId: input.actor.id,
      reason,
      at: now,
    });
    await syncSearchDoc(tx, p.id);
    if (input.party === 'officer') {
      await recordAudit(tx, {
        actorId: input.actor.id,
        actorLabel: input.actor.email ?? input.actor.phone,
        action: `product.${input.action}`,
        subjectType: 'product',
        subjectId: p.id,
        reason,
        data: { from: p.status, to, sellerId: p.sellerId, name: p.name },
        ip: input.ip,
      });
      await notify(
        tx,
        await memberIds(tx, p.sellerId),
        {
          titleKey: `catalog.notice.${input.action}.title`,
          bodyKey: `catalog.notice.${input.action}.body`,
          params: { product: p.name, reason: reason ?? '' },
          link: `/kenh-ban-hang/san-pham/${p.id}`,
        },
        input.publicUrl,
      );
    }
    return to;
  });
}

async function memberIds(tx: Executor, sellerId: string): Promise<string[]> {
  return (await staffOf(tx, sellerId)).members.map((m) => m.userId);
}

/** Every transition of a product, oldest first, with its reason. */
export async function productHistory(db: Executor, productId: string) {
  return db
    .select()
    .from(productTransitions)
    .where(eq(productTransitions.productId, productId))
    .orderBy(asc(productTransitions.at), asc(productTransitions.id));
}
