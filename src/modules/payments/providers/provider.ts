import type { Config } from '../../../config.js';
import type { Intent } from '../intents.js';
import type { PaymentMethod } from '../lifecycle.js';

/** What the payment page does for an intent that still waits for money. */
export type PaymentStart =
  /** Cash on delivery: nothing to pay now. */
  | { kind: 'on_delivery' }
  /** A bank transfer the buyer makes from a banking app (VietQR). */
  | {
      kind: 'transfer';
      /** The EMVCo payload the banking app reads, and its QR code as SVG. */
      payload: string;
      svg: string;
      bankBin: string;
      bankName: string;
      accountNo: string;
      accountName: string;
      amount: bigint;
      /** What the buyer types in the transfer's memo if they do not scan. */
      memo: string;
    }
  /** A gateway's page the browser is sent to (VNPAY). */
  | { kind: 'redirect'; url: string };

export interface StartContext {
  config: Config;
  /** The buyer's address as the gateway must see it (VNPAY asks for it). */
  clientIp: string;
  locale: 'vi' | 'en';
}

/**
 * One way of paying. Money arrives through each provider's own verified channel (the bank
 * notification webhook and statement import, the gateway's IPN), never through the browser.
 */
export interface PaymentProvider {
  method: PaymentMethod;
  /** Whether this instance offers the method (a gateway needs its merchant settings). */
  available(config: Config): boolean;
  start(intent: Intent, ctx: StartContext): Promise<PaymentStart>;
}
