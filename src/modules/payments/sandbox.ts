import { randomInt } from 'node:crypto';
import type { Config } from '../../config.js';
import { signedUrl, type VnpParams, verifyParams, vnpDate } from './vnpay.js';

/** The built-in gateway's payment page, at the path VNPAY's own has. */
export const SANDBOX_PAY_PATH = '/vnpay-sandbox/paymentv2/vpcpay.html';
export const SANDBOX_SUBMIT_PATH = '/vnpay-sandbox/paymentv2/pay';
export const IPN_PATH = '/api/v1/payments/vnpay/ipn';

/**
 * The sandbox plays VNPAY only where the configured gateway is this very page (the default
 * outside production); with a real VNPAY address it does not exist.
 */
export const sandboxEnabled = (config: Config) =>
  config.buying.vnpay?.payUrl === `${config.publicUrl}${SANDBOX_PAY_PATH}`;

export type SandboxResult = 'success' | 'failure' | 'cancel';

/** What the gateway checks of a `pay` request before showing its card page. */
export function checkPayRequest(
  config: Config,
  params: VnpParams,
): 'ok' | 'bad_signature' | 'bad_merchant' | 'bad_request' {
  const vnp = config.buying.vnpay!;
  if (!verifyParams(vnp.hashSecret, params)) return 'bad_signature';
  if (params.vnp_TmnCode !== vnp.tmnCode) return 'bad_merchant';
  if (
    params.vnp_Command !== 'pay' ||
    !/^\d+00$/.test(params.vnp_Amount ?? '') ||
    !params.vnp_ReturnUrl?.startsWith(`${config.publicUrl}/`)
  )
    return 'bad_request';
  return 'ok';
}

/**
 * The gateway's answer to a payment attempt, signed as VNPAY signs it: the same parameters go
 * to the merchant's IPN (server to server) and, in the browser's redirect, to its return URL.
 * Response codes as VNPAY's: 00 success, 51 not enough money on the account, 24 cancelled by the customer.
 */
export function resultParams(
  config: Config,
  request: VnpParams,
  result: SandboxResult,
  now = new Date(),
): { query: string; returnUrl: string } {
  const vnp = config.buying.vnpay!;
  const params: VnpParams = {
    vnp_Amount: request.vnp_Amount!,
    vnp_BankCode: 'NCB',
    vnp_BankTranNo: result === 'cancel' ? '' : `VNP${randomInt(10_000_000, 99_999_999)}`,
    vnp_CardType: 'ATM',
    vnp_OrderInfo: request.vnp_OrderInfo ?? '',
    vnp_PayDate: vnpDate(now),
    vnp_ResponseCode: result === 'success' ? '00' : result === 'failure' ? '51' : '24',
    vnp_TmnCode: vnp.tmnCode,
    vnp_TransactionNo: result === 'cancel' ? '0' : String(randomInt(10_000_000, 99_999_999)),
    vnp_TransactionStatus: result === 'success' ? '00' : '02',
    vnp_TxnRef: request.vnp_TxnRef!,
  };
  const url = signedUrl('', vnp.hashSecret, params);
  return { query: url.slice(1), returnUrl: request.vnp_ReturnUrl! };
}
