import { addMessages } from '../../platform/http/i18n.js';

addMessages({
  vi: {
    'payment.error.amount': 'Số tiền phải lớn hơn 0.',
    'payment.error.overpaid': 'Số tiền vượt quá số còn phải trả của đơn hàng.',
    'payment.error.no_intent': 'Đơn hàng này không có khoản thanh toán.',
    'payment.error.already_paid': 'Đơn hàng đã được thanh toán.',
    'payment.error.not_cod': 'Đơn hàng không thanh toán khi nhận hàng.',
  },
  en: {
    'payment.error.amount': 'The amount must be more than 0.',
    'payment.error.overpaid': 'The amount is more than what is left to pay on the order.',
    'payment.error.no_intent': 'This order has no payment.',
    'payment.error.already_paid': 'The order has already been paid.',
    'payment.error.not_cod': 'The order is not paid in cash on delivery.',
  },
});
