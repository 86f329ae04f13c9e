import { z } from 'zod';
import { ValidationError } from '../../platform/http/errors.js';
import { f, parseInput } from '../../platform/http/validation.js';
import { addressFields, communeInProvince } from '../geo/index.js';
import { phoneField } from '../identity/index.js';
import { normalizeTaxCode, taxCodeProblem } from '../sellers/index.js';
import type { DeliveryMethod, PaymentMethod } from './events.js';

export const paymentMethods = ['cod', 'vietqr', 'vnpay'] as const satisfies readonly PaymentMethod[];
export const deliveryMethods = ['seller_delivery', 'pickup'] as const satisfies readonly DeliveryMethod[];
export const NOTE_MAX = 500;

/** What the buyer saw on the review: each line's quantity and unit price (prices are re-checked against it). */
export interface SeenLine {
  variantId: string;
  quantity: number;
  unitPrice: bigint;
}

const flag = z.preprocess((v) => v === true || v === 'on' || v === 'true' || v === '1', z.boolean());

/**
 * A checkout as the page's form and the JSON API both send it (the form's per-shop fields are
 * gathered into `sellers` first, see fromForm). Each shop's order is paid its own way: the
 * shop's `payment`, else the top-level `paymentMethod` (what every shop gets when none has its
 * own). Which shops and lines there are, whether each has a payment method and whether a
 * delivery method is offered, the service checks against the cart.
 */
const checkoutSchema = z
  .object({
    recipientName: f.text(100),
    phone: phoneField(),
    ...addressFields,
    paymentMethod: z.enum(paymentMethods, 'v.choose').optional(),
    sellers: z
      .array(
        z.object({
          sellerId: z.string(),
          delivery: z.enum(deliveryMethods).optional(),
          payment: z.enum(paymentMethods, 'v.choose').optional(),
          note: z
            .string()
            .trim()
            .max(NOTE_MAX, 'v.too_long')
            .optional()
            .transform((v) => v ?? ''),
        }),
      )
      .max(100)
      .default([]),
    invoice: flag,
    companyName: z.string().trim().max(200, 'v.too_long').optional(),
    taxCode: z.string().trim().max(20, 'v.too_long').optional(),
    expected: z
      .array(
        z.object({
          variantId: z.string(),
          quantity: z.number().int(),
          unitPrice: z
            .union([z.string().regex(/^\d{1,15}$/), z.number().int().nonnegative()])
            .transform(BigInt),
        }),
      )
      .max(1000)
      .optional(),
  })
  .superRefine((v, ctx) => {
    communeInProvince(v, ctx);
    // The shops named here without a method (the cart's other shops: the service, see paymentOf).
    if (!v.paymentMethod) {
      const unpaid = v.sellers.flatMap((s, i) => (s.payment ? [] : [['sellers', i, 'payment']]));
      const paths = unpaid.length === v.sellers.length ? [['paymentMethod']] : unpaid;
      for (const path of paths) ctx.addIssue({ code: 'custom', path, message: 'v.choose' });
    }
    if (!v.invoice) return;
    if (!v.companyName) ctx.addIssue({ code: 'custom', path: ['companyName'], message: 'v.required' });
    const problem = v.taxCode ? taxCodeProblem(v.taxCode) : 'v.required';
    if (problem) ctx.addIssue({ code: 'custom', path: ['taxCode'], message: problem });
  })
  .transform(({ invoice, companyName, taxCode, ...v }) => ({
    ...v,
    invoice: invoice && companyName && taxCode ? { companyName, taxCode: normalizeTaxCode(taxCode) } : null,
  }));
export type CheckoutInput = z.output<typeof checkoutSchema>;

/** The form's field of one shop's delivery method, payment method, note, and of a line (where errors point). */
export const deliveryField = (sellerId: string) => `delivery-${sellerId}`;
export const paymentField = (sellerId: string) => `payment-${sellerId}`;
export const noteField = (sellerId: string) => `note-${sellerId}`;
export const lineField = (variantId: string) => `line-${variantId}`;

/** "variantId:quantity:unitPrice,..." of the review, kept in a hidden field of the form. */
export const seenValue = (lines: SeenLine[]) =>
  lines.map((l) => `${l.variantId}:${l.quantity}:${l.unitPrice}`).join(',');

/** The posted form as the API's body: per-shop fields gathered, the review's lines read back. */
export function fromForm(body: Record<string, unknown>, sellerIds: string[]): Record<string, unknown> {
  const text = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : undefined);
  const seen = (text('seen') ?? '')
    .split(',')
    .map((part) => part.split(':'))
    .filter((p) => p.length === 3 && /^\d+$/.test(p[1]) && /^\d+$/.test(p[2]))
    .map(([variantId, quantity, unitPrice]) => ({ variantId, quantity: Number(quantity), unitPrice }));
  return {
    recipientName: text('recipientName'),
    phone: text('phone'),
    provinceCode: text('provinceCode'),
    communeCode: text('communeCode'),
    street: text('street'),
    paymentMethod: text('paymentMethod') || undefined,
    sellers: sellerIds.map((sellerId) => ({
      sellerId,
      delivery: text(deliveryField(sellerId)) || undefined,
      payment: text(paymentField(sellerId)) || undefined,
      note: text(noteField(sellerId)),
    })),
    invoice: text('invoice'),
    companyName: text('companyName'),
    taxCode: text('taxCode'),
    expected: text('seen') === undefined ? undefined : seen,
  };
}

/** Validated checkout input; errors of a shop's fields point at that shop's form fields. */
export function parseCheckout(raw: unknown): CheckoutInput {
  try {
    return parseInput(checkoutSchema, raw);
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    const sellers = ((raw as { sellers?: unknown })?.sellers ?? []) as { sellerId?: string }[];
    throw new ValidationError(
      err.fields.map((e) => {
        const m = /^sellers\.(\d+)\.(delivery|payment|note)$/.exec(e.field);
        return m ? { ...e, field: `${m[2]}-${sellers[Number(m[1])]?.sellerId ?? ''}` } : e;
      }),
    );
  }
}

/**
 * How one shop's order is paid, and the field it was given in (where an error about it points):
 * the shop's own method, else the top-level one. Nothing given anywhere points at `paymentMethod`
 * when no shop has a method of its own (a client of the single, shared method), at the shop's
 * field otherwise.
 */
export function paymentOf(
  input: CheckoutInput,
  sellerId: string,
): { method: PaymentMethod | undefined; field: string } {
  const own = input.sellers.find((s) => s.sellerId === sellerId)?.payment;
  if (own) return { method: own, field: paymentField(sellerId) };
  const perShop = input.sellers.some((s) => s.payment);
  return {
    method: input.paymentMethod,
    field: input.paymentMethod || !perShop ? 'paymentMethod' : paymentField(sellerId),
  };
}
