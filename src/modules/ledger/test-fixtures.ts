/** Shared by the ledger's tests (and other modules' tests that need an order snapshot or a ledger check). */
import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { TestApp } from '../../../test/helpers.js';
import type { Executor } from '../../platform/db/pool.js';
import type { LegalForm, OrderLineSnapshot, OrderSnapshot, SupplyKind } from '../orders/events.js';
import { recordCodCompleted, recordPaymentReceived, releaseEscrow } from './index.js';

/** A hand-made order snapshot: one line per given amount, and shipping. */
export function snapshot(
  o: {
    legalForm?: LegalForm;
    sellerId?: string;
    lines?: { amount: bigint; supplyKind?: SupplyKind }[];
    shippingFee?: bigint;
    paymentMethod?: OrderSnapshot['paymentMethod'];
  } = {},
): OrderSnapshot {
  const lines: OrderLineSnapshot[] = (o.lines ?? [{ amount: 100_000n }]).map((l, i) => ({
    productId: uuidv7(),
    variantId: uuidv7(),
    name: `Sản phẩm ${i + 1}`,
    variantName: null,
    sku: null,
    unit: 'hộp',
    category: 'food.dried',
    supplyKind: l.supplyKind ?? 'goods',
    quantity: 1,
    unitPrice: l.amount.toString(),
    amount: l.amount.toString(),
  }));
  const shipping = o.shippingFee ?? 0n;
  const total = lines.reduce((s, l) => s + BigInt(l.amount), 0n) + shipping;
  return {
    orderId: uuidv7(),
    code: `DH${Math.random().toString(36).slice(2, 10).toUpperCase()}`,
    checkoutId: uuidv7(),
    placedAt: new Date().toISOString(),
    buyer: {
      userId: uuidv7(),
      name: 'Trần Thị Bình',
      phone: '0905123456',
      email: null,
      address: 'Nha Trang, Khánh Hòa',
      communeCode: '22453',
      provinceCode: '56',
      taxCode: null,
    },
    seller: {
      sellerId: o.sellerId ?? uuidv7(),
      name: 'Hộ kinh doanh Yến Cam Lâm',
      legalForm: o.legalForm ?? 'household',
      taxCode: null,
      address: 'Cam Lâm, Khánh Hòa',
      phone: null,
      email: null,
    },
    lines,
    deliveryMethod: shipping > 0n ? 'seller_delivery' : 'pickup',
    shippingFee: shipping.toString(),
    paymentMethod: o.paymentMethod ?? 'vietqr',
    total: total.toString(),
  };
}

/**
 * The ledger's own checks, over everything it holds: every entry balances, every account's
 * running balance is the sum of its postings, no account but cash is below zero, and the cash
 * that came in equals the cash that went out plus what the accounts hold.
 */
export async function ledgerProblems(db: Executor): Promise<string[]> {
  const problems: string[] = [];
  const unbalanced = await db.execute(
    sql`SELECT entry_id FROM ledger_postings GROUP BY entry_id HAVING sum(amount) <> 0`,
  );
  if (unbalanced.rows.length) problems.push(`${unbalanced.rows.length} entries do not balance`);
  const drift = await db.execute(sql`
    SELECT a.code, a.subject_id, a.balance,
           coalesce(sum(CASE WHEN a.normal = 'debit' THEN p.amount ELSE -p.amount END), 0) AS posted
    FROM ledger_accounts a LEFT JOIN ledger_postings p ON p.account_id = a.id
    GROUP BY a.id HAVING a.balance <> coalesce(sum(CASE WHEN a.normal = 'debit' THEN p.amount ELSE -p.amount END), 0)`);
  for (const r of drift.rows)
    problems.push(`account ${r.code}/${r.subject_id}: balance ${r.balance} <> ${r.posted}`);
  const negative = await db.execute(
    sql`SELECT code, subject_id, balance FROM ledger_accounts WHERE balance < 0 AND code::text NOT LIKE 'cash:%'`,
  );
  for (const r of negative.rows) problems.push(`account ${r.code}/${r.subject_id} is negative: ${r.balance}`);
  const [flows] = (
    await db.execute(sql`
      SELECT
        coalesce(sum(p.amount) FILTER (WHERE a.code::text LIKE 'cash:%' AND p.amount > 0), 0)::bigint AS cash_in,
        coalesce(-sum(p.amount) FILTER (WHERE a.code::text LIKE 'cash:%' AND p.amount < 0), 0)::bigint AS cash_out
      FROM ledger_postings p JOIN ledger_accounts a ON a.id = p.account_id`)
  ).rows as { cash_in: bigint; cash_out: bigint }[];
  const [held] = (
    await db.execute(sql`
      SELECT coalesce(sum(CASE WHEN normal = 'credit' THEN balance ELSE 0 END), 0)::bigint AS owed,
             coalesce(sum(CASE WHEN code = 'seller_receivable' THEN balance ELSE 0 END), 0)::bigint AS receivable
      FROM ledger_accounts`)
  ).rows as { owed: bigint; receivable: bigint }[];
  if (flows!.cash_in !== flows!.cash_out + held!.owed - held!.receivable)
    problems.push(
      `cash in ${flows!.cash_in} <> out ${flows!.cash_out} + held ${held!.owed} - receivable ${held!.receivable}`,
    );
  return problems;
}

/** An order of `sellerId` paid online and completed at `at`: its escrow released to the seller. */
export async function completedOrder(
  t: TestApp,
  o: Parameters<typeof snapshot>[0] & { at?: Date } = {},
): Promise<OrderSnapshot> {
  const order = snapshot(o);
  const completedAt = o.at ?? new Date();
  await t.db.transaction(async (tx) => {
    if (order.paymentMethod === 'cod') return recordCodCompleted(tx, { order, completedAt });
    await recordPaymentReceived(tx, {
      orderId: order.orderId,
      sellerId: order.seller.sellerId,
      amount: BigInt(order.total),
      channel: order.paymentMethod,
      reference: uuidv7(),
    });
    await releaseEscrow(tx, { order, completedAt });
  });
  return order;
}
