import { addMessages } from '../../platform/http/i18n.js';

/** Texts of the order lifecycle: states, actions, notices, the buyer's and the seller's order pages. */
addMessages({
  vi: {
    'orders.status.placed': 'Đã đặt',
    'orders.status.awaiting_payment': 'Chờ thanh toán',
    'orders.status.paid': 'Đã thanh toán',
    'orders.status.confirmed': 'Đã xác nhận',
    'orders.status.shipped': 'Đang giao',
    'orders.status.delivered': 'Đã giao',
    'orders.status.completed': 'Hoàn thành',
    'orders.status.cancelled': 'Đã hủy',
    'orders.status.return_requested': 'Yêu cầu trả hàng',
    'orders.status.returned': 'Đã trả hàng',

    'orders.action.confirm': 'Xác nhận đơn',
    'orders.action.ship': 'Gửi hàng',
    'orders.action.ship_pickup': 'Báo hàng sẵn sàng để nhận',
    'orders.action.deliver': 'Đã giao hàng',
    'orders.action.deliver_cod': 'Đã giao hàng và thu tiền',
    'orders.action.complete': 'Đã nhận được hàng',
    'orders.action.cancel': 'Hủy đơn',
    'orders.action.request_return': 'Yêu cầu trả hàng',
    'orders.action.accept_return': 'Chấp nhận trả hàng',
    'orders.action.reject_return': 'Từ chối trả hàng',

    'orders.done.confirm': 'Đã xác nhận đơn hàng.',
    'orders.done.ship': 'Đã ghi nhận gửi hàng.',
    'orders.done.deliver': 'Đã ghi nhận giao hàng.',
    'orders.done.complete': 'Cảm ơn bạn! Đơn hàng đã hoàn thành.',
    'orders.done.cancel': 'Đơn hàng đã được hủy.',
    'orders.done.request_return': 'Đã gửi yêu cầu trả hàng cho người bán.',
    'orders.done.accept_return': 'Đã chấp nhận trả hàng.',
    'orders.done.reject_return': 'Đã từ chối yêu cầu trả hàng.',

    'orders.reason.required': 'Hãy cho biết lý do',
    'orders.tracking_no.invalid': 'Mã vận đơn chỉ gồm chữ, số và các dấu - . /',
    'orders.return.quantity': 'Số lượng trả phải từ 0 đến số lượng đã mua',
    'orders.return.none': 'Hãy chọn ít nhất một sản phẩm được trả lại',
    'orders.transition.changed':
      'Đơn hàng vừa được thay đổi bởi người khác. Hãy xem lại trạng thái hiện tại.',

    'label.carrier': 'Đơn vị vận chuyển',
    'label.trackingNo': 'Mã vận đơn',
    'label.returned': 'Hàng trả lại',

    'orders.by.buyer': 'Người mua',
    'orders.by.system': 'Hệ thống',
    'orders.by.officer': 'Cán bộ Sở',
    'orders.reason_label': 'Lý do',

    'orders.notice.pay.title': 'Đơn hàng {code} đã được thanh toán',
    'orders.notice.pay.body':
      'Tiền của đơn hàng {code} ({shop}) đã về và được sàn giữ lại cho đến khi người mua nhận hàng. Người bán sẽ xác nhận và chuẩn bị hàng.',
    'orders.notice.confirm.title': 'Đơn hàng {code} đã được xác nhận',
    'orders.notice.confirm.body': '{shop} đã xác nhận đơn hàng {code} và đang chuẩn bị hàng.',
    'orders.notice.ship.title': 'Đơn hàng {code} đang được giao',
    'orders.notice.ship.body':
      '{shop} đã gửi đơn hàng {code}. Đơn vị vận chuyển: {carrier}; mã vận đơn: {trackingNo}.',
    'orders.notice.ship_pickup.title': 'Đơn hàng {code} sẵn sàng để nhận',
    'orders.notice.ship_pickup.body': 'Đơn hàng {code} đã sẵn sàng, mời bạn đến {shop} để nhận hàng.',
    'orders.notice.deliver.title': 'Đơn hàng {code} đã được giao',
    'orders.notice.deliver.body':
      'Đơn hàng {code} ({shop}) đã được giao. Nếu hàng đúng như đã đặt, hãy xác nhận đã nhận hàng; nếu không, bạn có thể yêu cầu trả hàng trước khi đơn hoàn thành.',
    'orders.notice.complete.title': 'Đơn hàng {code} đã hoàn thành',
    'orders.notice.complete.body': 'Người mua đã xác nhận nhận hàng; đơn hàng {code} ({shop}) đã hoàn thành.',
    'orders.notice.complete_system.title': 'Đơn hàng {code} đã hoàn thành',
    'orders.notice.complete_system.body':
      'Đơn hàng {code} ({shop}) đã tự động hoàn thành sau thời hạn kể từ khi giao hàng.',
    'orders.notice.cancel_buyer.title': 'Đơn hàng {code} đã bị hủy',
    'orders.notice.cancel_buyer.body': 'Người mua đã hủy đơn hàng {code}. Lý do: {reason}',
    'orders.notice.cancel_seller.title': 'Đơn hàng {code} đã bị hủy',
    'orders.notice.cancel_seller.body':
      '{shop} đã hủy đơn hàng {code}. Lý do: {reason}. Số tiền đã thanh toán (nếu có) được hoàn lại cho người mua.',
    'orders.notice.expire.title': 'Đơn hàng {code} đã bị hủy',
    'orders.notice.expire.body':
      'Đơn hàng {code} ({shop}) đã bị hủy vì không nhận được thanh toán trong thời hạn.',
    'orders.notice.request_return.title': 'Yêu cầu trả hàng cho đơn {code}',
    'orders.notice.request_return.body': 'Người mua yêu cầu trả hàng cho đơn {code}. Lý do: {reason}',
    'orders.notice.accept_return.title': 'Yêu cầu trả hàng của đơn {code} được chấp nhận',
    'orders.notice.accept_return.body':
      'Yêu cầu trả hàng của đơn {code} ({shop}) đã được chấp nhận; tiền của hàng trả lại được hoàn cho người mua.',
    'orders.notice.reject_return.title': 'Yêu cầu trả hàng của đơn {code} bị từ chối',
    'orders.notice.reject_return.body':
      'Yêu cầu trả hàng của đơn {code} ({shop}) bị từ chối. Lý do: {reason}',
    'orders.notice.late_payment.title': 'Tiền thanh toán đơn {code} được hoàn lại',
    'orders.notice.late_payment.body':
      'Khoản thanh toán cho đơn hàng {code} đến sau khi đơn đã bị hủy; sàn sẽ hoàn lại số tiền này cho bạn.',
  },
  en: {
    'orders.status.placed': 'Placed',
    'orders.status.awaiting_payment': 'Awaiting payment',
    'orders.status.paid': 'Paid',
    'orders.status.confirmed': 'Confirmed',
    'orders.status.shipped': 'Shipped',
    'orders.status.delivered': 'Delivered',
    'orders.status.completed': 'Completed',
    'orders.status.cancelled': 'Cancelled',
    'orders.status.return_requested': 'Return requested',
    'orders.status.returned': 'Returned',

    'orders.action.confirm': 'Confirm the order',
    'orders.action.ship': 'Ship',
    'orders.action.ship_pickup': 'Ready for pick-up',
    'orders.action.deliver': 'Delivered',
    'orders.action.deliver_cod': 'Delivered, cash collected',
    'orders.action.complete': 'I received the goods',
    'orders.action.cancel': 'Cancel the order',
    'orders.action.request_return': 'Ask for a return',
    'orders.action.accept_return': 'Accept the return',
    'orders.action.reject_return': 'Reject the return',

    'orders.done.confirm': 'The order is confirmed.',
    'orders.done.ship': 'Shipment recorded.',
    'orders.done.deliver': 'Delivery recorded.',
    'orders.done.complete': 'Thank you! The order is completed.',
    'orders.done.cancel': 'The order is cancelled.',
    'orders.done.request_return': 'Your return request was sent to the seller.',
    'orders.done.accept_return': 'The return is accepted.',
    'orders.done.reject_return': 'The return request is rejected.',

    'orders.reason.required': 'Say why',
    'orders.tracking_no.invalid': 'A tracking number has only letters, digits and - . /',
    'orders.return.quantity': 'The quantity returned must be between 0 and the quantity bought',
    'orders.return.none': 'Choose at least one item that came back',
    'orders.transition.changed': 'Someone else has just changed this order. Look at its current state.',

    'label.carrier': 'Carrier',
    'label.trackingNo': 'Tracking number',
    'label.returned': 'Items returned',

    'orders.by.buyer': 'Buyer',
    'orders.by.system': 'System',
    'orders.by.officer': 'Department officer',
    'orders.reason_label': 'Reason',

    'orders.notice.pay.title': 'Order {code} is paid',
    'orders.notice.pay.body':
      'The money for order {code} ({shop}) has arrived and is held by the platform until the buyer receives the goods. The seller will confirm and prepare the order.',
    'orders.notice.confirm.title': 'Order {code} is confirmed',
    'orders.notice.confirm.body': '{shop} has confirmed order {code} and is preparing it.',
    'orders.notice.ship.title': 'Order {code} is on its way',
    'orders.notice.ship.body':
      '{shop} has shipped order {code}. Carrier: {carrier}; tracking number: {trackingNo}.',
    'orders.notice.ship_pickup.title': 'Order {code} is ready for pick-up',
    'orders.notice.ship_pickup.body': 'Order {code} is ready: pick it up at {shop}.',
    'orders.notice.deliver.title': 'Order {code} is delivered',
    'orders.notice.deliver.body':
      'Order {code} ({shop}) has been delivered. If the goods are as ordered, confirm you received them; if not, you can ask for a return before the order completes.',
    'orders.notice.complete.title': 'Order {code} is completed',
    'orders.notice.complete.body': 'The buyer confirmed receipt; order {code} ({shop}) is completed.',
    'orders.notice.complete_system.title': 'Order {code} is completed',
    'orders.notice.complete_system.body':
      'Order {code} ({shop}) completed automatically some days after delivery.',
    'orders.notice.cancel_buyer.title': 'Order {code} is cancelled',
    'orders.notice.cancel_buyer.body': 'The buyer cancelled order {code}. Reason: {reason}',
    'orders.notice.cancel_seller.title': 'Order {code} is cancelled',
    'orders.notice.cancel_seller.body':
      '{shop} cancelled order {code}. Reason: {reason}. Any money paid is refunded to the buyer.',
    'orders.notice.expire.title': 'Order {code} is cancelled',
    'orders.notice.expire.body': 'Order {code} ({shop}) was cancelled: its payment did not arrive in time.',
    'orders.notice.request_return.title': 'Return requested for order {code}',
    'orders.notice.request_return.body': 'The buyer asks to return order {code}. Reason: {reason}',
    'orders.notice.accept_return.title': 'The return of order {code} is accepted',
    'orders.notice.accept_return.body':
      'The return of order {code} ({shop}) is accepted; the money for the items returned is refunded to the buyer.',
    'orders.notice.reject_return.title': 'The return of order {code} is rejected',
    'orders.notice.reject_return.body': 'The return of order {code} ({shop}) is rejected. Reason: {reason}',
    'orders.notice.late_payment.title': 'Your payment for order {code} is refunded',
    'orders.notice.late_payment.body':
      'Your payment for order {code} arrived after the order was cancelled; the platform refunds it to you.',
  },
});
