import { inArray } from 'drizzle-orm';
import { shippingRules } from '../modules/orders/schema.js';
import { sellers } from '../modules/sellers/schema.js';
import type { Db } from '../platform/db/pool.js';

type Rule = Omit<typeof shippingRules.$inferInsert, 'sellerId'>;

/**
 * How some demo shops deliver, one of each kind of fee, so that the checkout shows delivery
 * options at once; the other demo shops have no rule and offer pick-up only.
 */
export const demoShipping: Record<string, Rule> = {
  'Hợp tác xã Yến sào Cam Lâm': { mode: 'flat', baseFee: 30_000n, freeFrom: 2_000_000n },
  'Công ty TNHH Nước mắm Cà Ná': { mode: 'weight', baseFee: 25_000n, perKgFee: 8_000n, pickup: false },
  'Hộ kinh doanh Nho Thái An': { mode: 'zone', insideFee: 20_000n, outsideFee: 45_000n, freeFrom: 500_000n },
  'Hợp tác xã Gốm Bàu Trúc': {
    mode: 'weight',
    baseFee: 35_000n,
    perKgFee: 12_000n,
    pickupAddress: 'Phòng trưng bày của hợp tác xã, cổng làng gốm',
  },
  'Mật ong rừng Khánh Sơn': { mode: 'zone', insideFee: 15_000n, outsideFee: 35_000n },
};

export async function seedDemoShipping(db: Db): Promise<void> {
  const shops = await db
    .select({ id: sellers.id, shopName: sellers.shopName })
    .from(sellers)
    .where(inArray(sellers.shopName, Object.keys(demoShipping)));
  if (shops.length)
    await db
      .insert(shippingRules)
      .values(shops.map((s) => ({ sellerId: s.id, ...demoShipping[s.shopName] })));
}
