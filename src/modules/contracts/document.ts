import type { Instance } from '../../web/page.js';
import type { DeliveryMethod, OrderLineSnapshot, OrderSnapshot, PaymentMethod } from '../orders/events.js';

/**
 * The terms of one order as a document: what the buyer and the seller agreed when the order
 * was placed, with the platform that hosted the deal and the rules that apply. Its RFC 8785
 * canonical form is what is hashed and signed; money is decimal strings of whole đồng.
 */
export interface ContractDocument {
  type: typeof DOCUMENT_TYPE;
  version: 1;
  code: string;
  title: string;
  order: { id: string; code: string; checkoutId: string };
  /** When the order was placed: the contract is concluded then. */
  concludedAt: string;
  signedAt: string;
  platform: { name: string; url: string; operator: Instance['operator'] };
  /** The parties as the order's snapshot names them (the buyer without the area codes). */
  buyer: Omit<OrderSnapshot['buyer'], 'communeCode' | 'provinceCode'>;
  seller: OrderSnapshot['seller'];
  lines: OrderLineSnapshot[];
  currency: 'VND';
  subtotal: string;
  shipping: { method: DeliveryMethod; fee: string };
  total: string;
  payment: { method: PaymentMethod; escrow: boolean };
  /** Where the goods are handed over: the buyer's address, or the shop for pick-up. */
  delivery: { method: DeliveryMethod; place: string };
  terms: {
    returnsBeforeCompletion: true;
    escrow: boolean;
    autoCompleteDays: number;
    /** The clauses in Vietnamese, the language the contract is concluded in. */
    clauses: string[];
  };
  law: { number: string; title: string; amendedBy?: string }[];
}

export const DOCUMENT_TYPE = 'tmdt.order-contract';

/** The laws under which an order placed on the platform is an electronic contract. */
export const GOVERNING_LAW: ContractDocument['law'] = [
  { number: '20/2023/QH15', title: 'Luật Giao dịch điện tử' },
  { number: '52/2013/NĐ-CP', title: 'Nghị định về thương mại điện tử', amendedBy: '85/2021/NĐ-CP' },
  { number: '19/2023/QH15', title: 'Luật Bảo vệ quyền lợi người tiêu dùng' },
];

/** A contract's code names its order: "HD-" and the order code ("HD-DH7K3M9Q2X"). */
export const contractCode = (orderCode: string) => `HD-${orderCode}`;

/**
 * What a person may type for a contract: its code or its order's, in any case, with stray
 * spaces. Gives the contract code, or undefined when it cannot be one.
 */
export function normalizeCode(typed: string): string | undefined {
  const s = typed.replace(/\s+/g, '').toUpperCase();
  const order = s.startsWith('HD-') ? s.slice(3) : s;
  return /^DH[0-9A-Z]{6,16}$/.test(order) ? contractCode(order) : undefined;
}

function clauses(online: boolean, autoCompleteDays: number): string[] {
  return [
    'Hợp đồng được giao kết bằng phương tiện điện tử khi người mua đặt đơn hàng thành công trên sàn; ' +
      'nội dung gồm các bên, hàng hóa, giá, phí vận chuyển, tổng tiền, cách thanh toán và giao nhận nêu trong văn bản này.',
    'Đơn vị vận hành sàn cung cấp dịch vụ sàn giao dịch thương mại điện tử, không phải bên bán; ' +
      'sàn ký số văn bản này để bảo đảm nội dung đã giao kết không bị thay đổi.',
    online
      ? 'Tiền người mua thanh toán trực tuyến được sàn giữ hộ (ký quỹ) cho đến khi đơn hàng hoàn tất rồi mới chuyển cho người bán; ' +
        'nếu đơn hàng bị hủy hoặc hàng được trả lại, tiền được hoàn cho người mua.'
      : 'Người mua trả tiền mặt cho người bán khi nhận hàng; tiền không đi qua sàn.',
    'Sau khi nhận hàng và trước khi đơn hàng hoàn tất, người mua có quyền yêu cầu trả hàng.',
    `Đơn hàng tự động hoàn tất sau ${autoCompleteDays} ngày kể từ khi giao hàng nếu trong thời gian đó ` +
      'người mua không xác nhận đã nhận hàng và không yêu cầu trả hàng.',
    'Tranh chấp được giải quyết bằng thương lượng, hòa giải hoặc tại cơ quan có thẩm quyền theo pháp luật Việt Nam; ' +
      'người mua có thể gửi khiếu nại tới đơn vị vận hành sàn.',
  ];
}

/** The contract of a placed order, from the snapshot its event carried. */
export function contractDocument(
  order: OrderSnapshot,
  ctx: { instance: Instance; publicUrl: string; autoCompleteDays: number; signedAt: Date },
): ContractDocument {
  const online = order.paymentMethod !== 'cod';
  const subtotal = order.lines.reduce((sum, l) => sum + BigInt(l.amount), 0n);
  const { buyer, seller } = order;
  return {
    type: DOCUMENT_TYPE,
    version: 1,
    code: contractCode(order.code),
    title: 'Hợp đồng mua bán hàng hóa, dịch vụ giao kết trên sàn thương mại điện tử',
    order: { id: order.orderId, code: order.code, checkoutId: order.checkoutId },
    concludedAt: order.placedAt,
    signedAt: ctx.signedAt.toISOString(),
    platform: { name: ctx.instance.name, url: ctx.publicUrl, operator: { ...ctx.instance.operator } },
    buyer: {
      userId: buyer.userId,
      name: buyer.name,
      phone: buyer.phone,
      email: buyer.email,
      address: buyer.address,
      taxCode: buyer.taxCode,
    },
    seller: {
      sellerId: seller.sellerId,
      name: seller.name,
      legalForm: seller.legalForm,
      taxCode: seller.taxCode,
      address: seller.address,
      phone: seller.phone,
      email: seller.email,
    },
    lines: order.lines.map((l) => ({ ...l })),
    currency: 'VND',
    subtotal: subtotal.toString(),
    shipping: { method: order.deliveryMethod, fee: order.shippingFee },
    total: order.total,
    payment: { method: order.paymentMethod, escrow: online },
    delivery: {
      method: order.deliveryMethod,
      place: order.deliveryMethod === 'pickup' ? seller.address : buyer.address,
    },
    terms: {
      returnsBeforeCompletion: true,
      escrow: online,
      autoCompleteDays: ctx.autoCompleteDays,
      clauses: clauses(online, ctx.autoCompleteDays),
    },
    law: GOVERNING_LAW,
  };
}
