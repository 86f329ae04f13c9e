import { payParams, signedUrl } from '../vnpay.js';
import type { PaymentProvider } from './provider.js';

/** Where VNPAY sends the buyer back after paying (the page shows the result; money comes by IPN). */
export const VNPAY_RETURN_PATH = '/thanh-toan/vnpay/ket-qua';

/**
 * The VNPAY gateway: the buyer is sent to its page with signed `vnp_` parameters; the payment
 * is recorded only from its server-to-server IPN call, never from the browser's return.
 */
export const vnpayProvider: PaymentProvider = {
  method: 'vnpay',
  available: (config) => config.buying.vnpay !== undefined,
  async start(intent, { config, clientIp, locale }) {
    const vnp = config.buying.vnpay;
    if (!vnp) throw new Error('VNPAY is not configured');
    const now = new Date();
    const params = payParams({
      tmnCode: vnp.tmnCode,
      amount: intent.amountDue - intent.amountPaid,
      orderCode: intent.orderCode,
      // VNPAY asks for Vietnamese without diacritics and no special characters.
      orderInfo: `Thanh toan don hang ${intent.orderCode}`,
      returnUrl: `${config.publicUrl}${VNPAY_RETURN_PATH}`,
      clientIp,
      locale,
      now,
      expireAt: intent.payBy && intent.payBy > now ? intent.payBy : new Date(now.getTime() + 15 * 60_000),
    });
    return { kind: 'redirect', url: signedUrl(vnp.payUrl, vnp.hashSecret, params) };
  },
};
