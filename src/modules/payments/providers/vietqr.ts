import type { Config } from '../../../config.js';
import { foldVietnamese } from '../../../platform/text.js';
import { instanceInfo } from '../../geo/index.js';
import { bankName, buildVietQr, qrSvg } from '../vietqr.js';
import type { PaymentProvider } from './provider.js';

/**
 * Bank transfer to the platform's collection account (money held in escrow), by a VietQR
 * code carrying the amount still due and the order code as the memo. The money is matched
 * from the bank's notification or statement, never from the buyer's word.
 */
export const vietqrProvider: PaymentProvider = {
  method: 'vietqr',
  available: () => true,
  async start(intent, { config }) {
    const { bankBin, accountNo, accountName } = config.buying.collection;
    const amount = intent.amountDue - intent.amountPaid;
    const payload = buildVietQr({ bankBin, accountNo, amount, purpose: intent.orderCode });
    return {
      kind: 'transfer',
      payload,
      svg: await qrSvg(payload),
      bankBin,
      bankName: bankName(bankBin),
      accountNo,
      accountName: accountName ?? defaultHolder(config),
      amount,
      memo: intent.orderCode,
    };
  },
};

/** COLLECTION_ACCOUNT_NAME unset: the holder as documented, "SAN TMDT TINH KHANH HOA" (capitals, no diacritics). */
const defaultHolder = (config: Config) =>
  `SAN TMDT ${foldVietnamese(instanceInfo(config).provinceName).toUpperCase()}`;
