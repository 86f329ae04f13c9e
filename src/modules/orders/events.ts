/**
 * What the orders module tells the others, through the outbox (platform/jobs/outbox.ts).
 * Payloads are self-contained snapshots taken when the order was placed, so that a contract
 * or an invoice says what was agreed even if the product or the shop changes later.
 * Money travels as decimal strings of whole đồng (JSON has no bigint).
 */

export const ORDER_PLACED = 'order.placed';
export const ORDER_STATUS_CHANGED = 'order.status_changed';
export const ORDER_COMPLETED = 'order.completed';
export const ORDER_RETURNED = 'order.returned';

export type LegalForm = 'individual' | 'household' | 'cooperative' | 'company';
/** The kind of supply, which sets the tax withheld (Decree 117/2025) and the invoice line. */
export type SupplyKind = 'goods' | 'services' | 'transport';
export type DeliveryMethod = 'seller_delivery' | 'pickup';
export type PaymentMethod = 'cod' | 'vietqr' | 'vnpay';

export interface OrderLineSnapshot {
  productId: string;
  variantId: string;
  /** Product name, and the variant's name when the product has several ("Hộp 100 g"). */
  name: string;
  variantName: string | null;
  sku: string | null;
  /** Unit of sale in words, Vietnamese ("hộp", "kg"). */
  unit: string;
  /** Catalog leaf category code ("food.bird_nest"). */
  category: string;
  supplyKind: SupplyKind;
  quantity: number;
  unitPrice: string;
  /** unitPrice × quantity. */
  amount: string;
}

export interface OrderSnapshot {
  orderId: string;
  /** Short code buyers quote and put in a transfer's memo, e.g. "DH7K3M9Q2X". */
  code: string;
  checkoutId: string;
  placedAt: string;
  buyer: {
    userId: string;
    name: string;
    phone: string;
    email: string | null;
    /** Delivery address in words: street, commune, province (2025 units). */
    address: string;
    communeCode: string;
    provinceCode: string;
    /** Only when the buyer asked for an invoice to a business. */
    taxCode: string | null;
  };
  seller: {
    sellerId: string;
    name: string;
    legalForm: LegalForm;
    taxCode: string | null;
    address: string;
    phone: string | null;
    email: string | null;
  };
  lines: OrderLineSnapshot[];
  deliveryMethod: DeliveryMethod;
  /** The seller's own delivery is a transport supply of its own (0 for pick-up). */
  shippingFee: string;
  paymentMethod: PaymentMethod;
  /** Lines plus shipping. */
  total: string;
}

export interface OrderPlaced {
  order: OrderSnapshot;
}

export interface OrderStatusChanged {
  orderId: string;
  code: string;
  buyerId: string;
  sellerId: string;
  from: string;
  to: string;
  reason: string | null;
}

export interface OrderCompleted {
  order: OrderSnapshot;
  completedAt: string;
  /** Paid online through the platform (held in escrow), not cash on delivery. */
  paidThroughPlatform: boolean;
}

export interface OrderReturned {
  order: OrderSnapshot;
  /** The lines taken back, with the quantities returned (a subset of order.lines). */
  lines: OrderLineSnapshot[];
  /** Money given back to the buyer for them (whole đồng). */
  amount: string;
  returnedAt: string;
}
