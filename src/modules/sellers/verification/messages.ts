import { addMessages } from '../../../platform/http/i18n.js';

addMessages({
  vi: {
    'verify.title': 'Xác thực danh tính người bán',
    'verify.lead':
      'Theo Luật Thương mại điện tử (Luật số 122/2025/QH15), người bán phải được định danh điện tử qua nền tảng định danh và xác thực điện tử quốc gia (VNeID).',
    'verify.status.oidc': 'Đã xác thực qua VNeID ngày {date}',
    'verify.status.documents': 'Đã xác minh qua hồ sơ giấy tờ bởi cán bộ ngày {date}',
    'verify.status.none': 'Chưa xác thực',
    'verify.status.revoked': 'Xác minh trước đây đã bị thu hồi ngày {date}. Lý do: {reason}',
    'verify.vneid.button': 'Xác thực qua VNeID',
    'verify.vneid.hint':
      'Bạn sẽ được chuyển sang VNeID để đăng nhập. Người đăng nhập phải chính là người đại diện đã khai trong hồ sơ: {name}.',
    'verify.vneid.unavailable':
      'Sàn chưa kết nối với VNeID. Cán bộ Sở sẽ xác minh danh tính người đại diện qua hồ sơ giấy tờ bạn đã nộp.',
    'verify.result.ok': 'Xác thực thành công: người đăng nhập VNeID đúng là người đại diện trong hồ sơ.',
    'verify.result.mismatch':
      'Không thể xác thực: số định danh cá nhân hoặc họ tên trên VNeID không khớp với người đại diện trong hồ sơ. Người đăng nhập VNeID phải chính là người đại diện; nếu hồ sơ khai sai, hãy sửa hồ sơ rồi thử lại.',
    'verify.result.missing_claims':
      'VNeID không cung cấp số định danh cá nhân hoặc họ tên nên không thể đối chiếu với hồ sơ.',
    'verify.result.denied':
      'Bạn đã hủy hoặc không cho phép chia sẻ thông tin trên VNeID. Danh tính chưa được xác thực.',
    'verify.result.provider_error':
      'VNeID báo lỗi khi xác thực. Danh tính chưa được xác thực; vui lòng thử lại sau.',
    'verify.result.state':
      'Phản hồi xác thực không khớp với yêu cầu mà trình duyệt này đã gửi nên đã bị từ chối. Vui lòng bắt đầu lại.',
    'verify.result.expired': 'Phiên xác thực đã hết hạn. Vui lòng bấm "Xác thực qua VNeID" để thử lại.',
    'verify.result.invalid': 'Phản hồi từ VNeID không hợp lệ nên không thể xác thực. Vui lòng thử lại.',
    'verify.result.unreachable': 'Không kết nối được với VNeID. Vui lòng thử lại sau ít phút.',
    'verify.back': 'Quay lại kênh bán hàng',
    'verify.retry': 'Thử lại',
    'verify.need_rep':
      'Hồ sơ chưa có họ tên và số căn cước của người đại diện. Vui lòng bổ sung hồ sơ trước khi xác thực.',
    'verify.already':
      'Người bán này đã được xác thực. Muốn xác minh lại, cần thu hồi xác minh hiện tại trước.',
    'verify.changed': 'Thông tin người đại diện trong hồ sơ vừa thay đổi. Vui lòng xác thực lại.',
    'verify.closed': 'Hồ sơ đã bị từ chối hoặc chấm dứt nên không thể xác thực.',
    'verify.not_verified': 'Người bán này chưa được xác thực nên không có gì để thu hồi.',
    'verify.not_member': 'Bạn không phải là thành viên của gian hàng này.',
    'verify.panel.title': 'Xác minh danh tính',
    'verify.documents.submit': 'Xác nhận đã xác minh qua hồ sơ giấy tờ',
    'verify.documents.hint':
      'Ghi rõ đã đối chiếu giấy tờ nào (giấy chứng nhận đăng ký kinh doanh, căn cước của người đại diện) với hồ sơ.',
    'verify.revoke.submit': 'Thu hồi xác minh',
    'verify.revoke.hint': 'Ví dụ: giấy tờ bị phát hiện là giả mạo. Lý do được gửi cho người bán.',
    'verify.detail.shop': 'Gian hàng',
    'verify.detail.rep': 'Người đại diện',
    'verify.detail.citizen_id': 'Số căn cước',
    'verify.detail.officer': 'Cán bộ xác minh',
    'verify.detail.note': 'Ghi chú',
    'verify.detail.issuer': 'Nhà cung cấp định danh',
    'verify.detail.subject': 'Mã định danh trên VNeID',
    'verify.detail.name': 'Họ tên trên VNeID',
    'verify.notice.documents.title': 'Gian hàng {shop} đã được xác minh danh tính',
    'verify.notice.documents.body':
      'Cán bộ Sở đã xác minh danh tính người đại diện của gian hàng {shop} qua hồ sơ giấy tờ.',
    'verify.notice.revoked.title': 'Xác minh danh tính của gian hàng {shop} đã bị thu hồi',
    'verify.notice.revoked.body':
      'Cán bộ Sở đã thu hồi xác minh danh tính của gian hàng {shop}. Lý do: {reason}. Vui lòng xác thực lại qua VNeID hoặc liên hệ Sở.',
    'label.note': 'Ghi chú',
    'label.reason': 'Lý do',
  },
  en: {
    'verify.title': 'Seller identity verification',
    'verify.lead':
      'Under the E-commerce Law (Law 122/2025/QH15), sellers must be identified electronically through the national identity platform (VNeID).',
    'verify.status.oidc': 'Verified through VNeID on {date}',
    'verify.status.documents': 'Verified from documents by an officer on {date}',
    'verify.status.none': 'Not verified',
    'verify.status.revoked': 'An earlier verification was withdrawn on {date}. Reason: {reason}',
    'verify.vneid.button': 'Verify with VNeID',
    'verify.vneid.hint':
      'You will be sent to VNeID to sign in. The person signing in must be the representative named in the application: {name}.',
    'verify.vneid.unavailable':
      'This marketplace is not connected to VNeID yet. An officer will verify the representative from the documents you uploaded.',
    'verify.result.ok':
      'Verified: the person who signed in to VNeID is the representative named in the application.',
    'verify.result.mismatch':
      'Not verified: the identification number or name on VNeID does not match the representative in the application. The representative must sign in to VNeID in person; if the application is wrong, correct it and try again.',
    'verify.result.missing_claims':
      'VNeID did not provide an identification number or name, so nothing could be compared.',
    'verify.result.denied': 'You cancelled or did not allow sharing on VNeID. The identity is not verified.',
    'verify.result.provider_error':
      'VNeID reported an error. The identity is not verified; please try again later.',
    'verify.result.state':
      'The answer did not match the request this browser made, so it was refused. Please start again.',
    'verify.result.expired': 'The verification session has expired. Choose "Verify with VNeID" to try again.',
    'verify.result.invalid':
      'The answer from VNeID was not valid, so the identity could not be verified. Please try again.',
    'verify.result.unreachable': 'VNeID could not be reached. Please try again in a few minutes.',
    'verify.back': 'Back to the seller centre',
    'verify.retry': 'Try again',
    'verify.need_rep':
      'The application has no representative name and citizen ID yet. Complete the application first.',
    'verify.already':
      'This seller is already verified. Withdraw the current verification first to verify again.',
    'verify.changed': 'The representative in the application has just changed. Please verify again.',
    'verify.closed': 'The application was rejected or terminated, so it cannot be verified.',
    'verify.not_verified': 'This seller is not verified, so there is nothing to withdraw.',
    'verify.not_member': 'You are not a member of this shop.',
    'verify.panel.title': 'Identity verification',
    'verify.documents.submit': 'Confirm identity verified from documents',
    'verify.documents.hint':
      'Say which documents (business registration certificate, representative’s citizen ID card) you compared with the application.',
    'verify.revoke.submit': 'Withdraw verification',
    'verify.revoke.hint':
      'For example: the documents turned out to be forged. The seller is told the reason.',
    'verify.detail.shop': 'Shop',
    'verify.detail.rep': 'Representative',
    'verify.detail.citizen_id': 'Citizen ID',
    'verify.detail.officer': 'Verifying officer',
    'verify.detail.note': 'Note',
    'verify.detail.issuer': 'Identity provider',
    'verify.detail.subject': 'VNeID subject',
    'verify.detail.name': 'Name on VNeID',
    'verify.notice.documents.title': 'The identity of shop {shop} has been verified',
    'verify.notice.documents.body':
      'An officer verified the representative of shop {shop} from the documents.',
    'verify.notice.revoked.title': 'The identity verification of shop {shop} was withdrawn',
    'verify.notice.revoked.body':
      'An officer withdrew the identity verification of shop {shop}. Reason: {reason}. Please verify again with VNeID or contact the Department.',
    'label.note': 'Note',
    'label.reason': 'Reason',
  },
});
