import { eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '../../platform/db/pool.js';
import { forbidden, notFound } from '../../platform/http/errors.js';
import { parseInput } from '../../platform/http/validation.js';
import { MAX_DONG, parseWholeNumber } from '../catalog/index.js';
import { formatAddress } from '../geo/index.js';
import { getSeller, isSellerMember, type Seller } from '../sellers/index.js';
import { shippingRules } from './schema.js';

export type ShippingRule = typeof shippingRules.$inferSelect;
export const shippingModes = ['flat', 'weight', 'zone'] as const satisfies readonly ShippingRule['mode'][];

/** What the fee of one seller's order depends on. */
export interface ShipmentFacts {
  /** The lines' total (what "free from" is compared with). */
  subtotal: bigint;
  /** Weight of the lines; products without a weight count as nothing. */
  grams: number;
  /** The delivery address is in the shop's province. */
  sameProvince: boolean;
}

type FeeRule = Pick<ShippingRule, 'mode' | 'baseFee' | 'perKgFee' | 'insideFee' | 'outsideFee' | 'freeFrom'>;

/**
 * The fee of the shop's own delivery. Free from `freeFrom` on; otherwise flat, or by weight
 * (the base fee covers the first kilogram, each further started kilogram costs `perKgFee`),
 * or by zone (inside or outside the shop's province).
 */
export function shippingFee(rule: FeeRule, order: ShipmentFacts): bigint {
  if (rule.freeFrom !== null && order.subtotal >= rule.freeFrom) return 0n;
  switch (rule.mode) {
    case 'flat':
      return rule.baseFee;
    case 'weight': {
      const kilos = Math.max(1, Math.ceil(order.grams / 1000));
      return rule.baseFee + rule.perKgFee * BigInt(kilos - 1);
    }
    case 'zone':
      return order.sameProvince ? rule.insideFee : rule.outsideFee;
  }
}

/** How a buyer may get one shop's goods: its delivery (with the fee) and/or pick-up (where). */
export interface DeliveryOptions {
  delivery: { fee: bigint } | null;
  pickup: { address: string } | null;
}

/** A shop that wrote no rule: pick-up at its address only. */
export function deliveryOptions(
  rule: ShippingRule | undefined,
  seller: Pick<Seller, 'street' | 'communeCode' | 'provinceCode'>,
  order: ShipmentFacts,
): DeliveryOptions {
  const shopAddress = formatAddress(seller);
  if (!rule) return { delivery: null, pickup: { address: shopAddress } };
  return {
    delivery: rule.delivers ? { fee: shippingFee(rule, order) } : null,
    pickup: rule.pickup ? { address: rule.pickupAddress || shopAddress } : null,
  };
}

/** The rules of several shops at once (shops without one are absent). */
export async function shippingRulesOf(db: Executor, sellerIds: string[]): Promise<Map<string, ShippingRule>> {
  if (!sellerIds.length) return new Map();
  const rows = await db.select().from(shippingRules).where(inArray(shippingRules.sellerId, sellerIds));
  return new Map(rows.map((r) => [r.sellerId, r]));
}

const money = z
  .preprocess((v) => (typeof v === 'number' || typeof v === 'bigint' ? String(v) : (v ?? '')), z.string())
  .transform((v, ctx) => {
    if (!v.trim()) return 0n;
    const n = parseWholeNumber(v);
    if (n === null || n > MAX_DONG) {
      ctx.addIssue({ code: 'custom', message: 'shipping.money' });
      return z.NEVER;
    }
    return n;
  });

const flag = z.preprocess((v) => v === true || v === 'on' || v === 'true' || v === '1', z.boolean());

/** The rule as the seller centre's form and the JSON API send it: amounts in đồng as typed. */
export const shippingRuleSchema = z
  .object({
    delivers: flag,
    mode: z.enum(shippingModes, 'v.choose'),
    baseFee: money,
    perKgFee: money,
    insideFee: money,
    outsideFee: money,
    // Empty: never free.
    freeFrom: z
      .preprocess((v) => (v === null || v === undefined || v === '' ? null : v), money.nullable())
      .transform((v) => v ?? null),
    pickup: flag,
    pickupAddress: z.preprocess(
      (v) => (typeof v === 'string' ? v.trim() : ''),
      z.string().max(300, 'v.too_long'),
    ),
  })
  .superRefine((v, ctx) => {
    if (!v.delivers && !v.pickup)
      ctx.addIssue({ code: 'custom', path: ['delivers'], message: 'shipping.some_way' });
  });

/** Shops that are closed for good keep their rule as it was. */
const closed: readonly Seller['status'][] = ['rejected', 'terminated'];

/** The shop, when the user is one of its members (404 for no such shop, 403 otherwise). */
export async function shopOfMember(db: Executor, userId: string, sellerId: string, write = false) {
  const seller = /^[0-9a-f-]{36}$/i.test(sellerId) ? await getSeller(db, sellerId) : undefined;
  if (!seller) throw notFound();
  if (!(await isSellerMember(db, sellerId, userId))) throw forbidden();
  if (write && closed.includes(seller.status)) throw forbidden('shipping.closed');
  return seller;
}

export async function getShippingRule(db: Executor, sellerId: string): Promise<ShippingRule | undefined> {
  const [rule] = await db.select().from(shippingRules).where(eq(shippingRules.sellerId, sellerId));
  return rule;
}

/** Writes a shop's rule (one row a shop), checked first; a member of the shop only. */
export async function saveShippingRule(
  db: Executor,
  userId: string,
  sellerId: string,
  raw: unknown,
): Promise<ShippingRule> {
  await shopOfMember(db, userId, sellerId, true);
  const input = parseInput(shippingRuleSchema, raw);
  const [rule] = await db
    .insert(shippingRules)
    .values({ sellerId, ...input })
    .onConflictDoUpdate({ target: shippingRules.sellerId, set: input })
    .returning();
  return rule;
}
