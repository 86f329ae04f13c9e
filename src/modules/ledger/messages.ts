import { addMessages } from '../../platform/http/i18n.js';

addMessages({
  vi: {
    'ledger.insufficient': 'Không đủ số dư trên tài khoản {account} để thực hiện giao dịch này.',
    'ledger.not_released': 'Tiền của đơn hàng này chưa được giải ngân cho người bán.',
    'ledger.reversal_exceeds': 'Số tiền hoàn vượt quá số đã giải ngân còn lại ({left} ₫).',
    'ledger.payout.nothing': 'Không có người bán nào có số dư khả dụng và tài khoản ngân hàng để chi trả.',
  },
  en: {
    'ledger.insufficient': 'The balance of account {account} is not enough for this transaction.',
    'ledger.not_released': "This order's money has not been released to the seller.",
    'ledger.reversal_exceeds': 'The amount exceeds what is left of the release ({left} ₫).',
    'ledger.payout.nothing': 'No seller has an available balance and a bank account to be paid.',
  },
});
