import { addMessages } from '../../platform/http/i18n.js';
import { OCOP_MAX } from './reference.js';

// Statuses, legal forms, roles, documents: shared by the seller side, the console and the storefront.
addMessages({
  vi: {
    'seller.status.draft': 'Bản nháp',
    'seller.status.submitted': 'Chờ xét duyệt',
    'seller.status.needs_changes': 'Cần bổ sung',
    'seller.status.approved': 'Đã duyệt',
    'seller.status.rejected': 'Bị từ chối',
    'seller.status.suspended': 'Tạm ngừng',
    'seller.status.terminated': 'Đã chấm dứt',
    'seller.legal_form.individual': 'Cá nhân kinh doanh',
    'seller.legal_form.household': 'Hộ kinh doanh',
    'seller.legal_form.cooperative': 'Hợp tác xã',
    'seller.legal_form.company': 'Doanh nghiệp',
    'seller.role.owner': 'Chủ cửa hàng',
    'seller.role.staff': 'Nhân viên',
    'seller.document.business_registration': 'Giấy chứng nhận đăng ký kinh doanh',
    'seller.document.citizen_id_front': 'Căn cước công dân của người đại diện (mặt trước)',
    'seller.document.citizen_id_back': 'Căn cước công dân của người đại diện (mặt sau)',
    'seller.document.ocop_certificate': 'Giấy chứng nhận OCOP',
  },
  en: {
    'seller.status.draft': 'Draft',
    'seller.status.submitted': 'Awaiting review',
    'seller.status.needs_changes': 'Changes requested',
    'seller.status.approved': 'Approved',
    'seller.status.rejected': 'Rejected',
    'seller.status.suspended': 'Suspended',
    'seller.status.terminated': 'Terminated',
    'seller.legal_form.individual': 'Individual trader',
    'seller.legal_form.household': 'Household business',
    'seller.legal_form.cooperative': 'Cooperative',
    'seller.legal_form.company': 'Company',
    'seller.role.owner': 'Owner',
    'seller.role.staff': 'Staff',
    'seller.document.business_registration': 'Business registration certificate',
    'seller.document.citizen_id_front': "Representative's citizen ID card (front)",
    'seller.document.citizen_id_back': "Representative's citizen ID card (back)",
    'seller.document.ocop_certificate': 'OCOP certificate',
  },
});

// Notices to the shop's members for each lifecycle action (transitions.ts); {shop}, {reason}.
addMessages({
  vi: {
    'seller.notice.submit.title': 'Đã nộp hồ sơ {shop}',
    'seller.notice.submit.body': 'Hồ sơ đăng ký bán hàng {shop} đã được nộp. Ghi chú: {reason}',
    'seller.notice.submit.body_noreason':
      'Hồ sơ đăng ký bán hàng {shop} đã được nộp và đang chờ Sở Công Thương xét duyệt.',
    'seller.notice.request_changes.title': 'Hồ sơ {shop} cần bổ sung',
    'seller.notice.request_changes.body':
      'Cán bộ đề nghị bổ sung hồ sơ {shop}: {reason}. Vui lòng sửa và nộp lại tại Kênh người bán.',
    'seller.notice.request_changes.body_noreason':
      'Cán bộ đề nghị bổ sung hồ sơ {shop}. Vui lòng sửa và nộp lại tại Kênh người bán.',
    'seller.notice.approve.title': 'Cửa hàng {shop} đã được duyệt',
    'seller.notice.approve.body': 'Hồ sơ {shop} đã được duyệt. Ghi chú của cán bộ: {reason}',
    'seller.notice.approve.body_noreason': 'Hồ sơ {shop} đã được duyệt. Cửa hàng của bạn đã mở trên sàn.',
    'seller.notice.reject.title': 'Hồ sơ {shop} bị từ chối',
    'seller.notice.reject.body': 'Hồ sơ {shop} bị từ chối. Lý do: {reason}. Bạn có thể nộp hồ sơ mới.',
    'seller.notice.reject.body_noreason': 'Hồ sơ {shop} bị từ chối. Bạn có thể nộp hồ sơ mới.',
    'seller.notice.suspend.title': 'Cửa hàng {shop} bị tạm ngừng',
    'seller.notice.suspend.body': 'Cửa hàng {shop} bị tạm ngừng hoạt động. Lý do: {reason}',
    'seller.notice.suspend.body_noreason': 'Cửa hàng {shop} bị tạm ngừng hoạt động.',
    'seller.notice.reinstate.title': 'Cửa hàng {shop} hoạt động trở lại',
    'seller.notice.reinstate.body': 'Cửa hàng {shop} được khôi phục hoạt động. Ghi chú: {reason}',
    'seller.notice.reinstate.body_noreason': 'Cửa hàng {shop} được khôi phục hoạt động.',
    'seller.notice.terminate.title': 'Cửa hàng {shop} bị chấm dứt hoạt động',
    'seller.notice.terminate.body': 'Cửa hàng {shop} bị chấm dứt hoạt động trên sàn. Lý do: {reason}',
    'seller.notice.terminate.body_noreason': 'Cửa hàng {shop} bị chấm dứt hoạt động trên sàn.',
  },
  en: {
    'seller.notice.submit.title': 'Application {shop} submitted',
    'seller.notice.submit.body': 'The application to sell as {shop} was submitted. Note: {reason}',
    'seller.notice.submit.body_noreason':
      'The application to sell as {shop} was submitted and awaits review by the Department of Industry and Trade.',
    'seller.notice.request_changes.title': 'Application {shop}: changes requested',
    'seller.notice.request_changes.body':
      'An officer asks for changes to {shop}: {reason}. Please correct and resubmit in the seller centre.',
    'seller.notice.request_changes.body_noreason':
      'An officer asks for changes to {shop}. Please correct and resubmit in the seller centre.',
    'seller.notice.approve.title': 'Shop {shop} approved',
    'seller.notice.approve.body': 'The application {shop} was approved. Officer note: {reason}',
    'seller.notice.approve.body_noreason':
      'The application {shop} was approved. Your shop is now open on the marketplace.',
    'seller.notice.reject.title': 'Application {shop} rejected',
    'seller.notice.reject.body':
      'The application {shop} was rejected. Reason: {reason}. You may submit a new application.',
    'seller.notice.reject.body_noreason':
      'The application {shop} was rejected. You may submit a new application.',
    'seller.notice.suspend.title': 'Shop {shop} suspended',
    'seller.notice.suspend.body': 'The shop {shop} has been suspended. Reason: {reason}',
    'seller.notice.suspend.body_noreason': 'The shop {shop} has been suspended.',
    'seller.notice.reinstate.title': 'Shop {shop} reinstated',
    'seller.notice.reinstate.body': 'The shop {shop} has been reinstated. Note: {reason}',
    'seller.notice.reinstate.body_noreason': 'The shop {shop} has been reinstated.',
    'seller.notice.terminate.title': 'Shop {shop} terminated',
    'seller.notice.terminate.body': 'The shop {shop} has been removed from the marketplace. Reason: {reason}',
    'seller.notice.terminate.body_noreason': 'The shop {shop} has been removed from the marketplace.',
  },
});

// What is wrong with a value (validators.ts, application-schema.ts, service.ts).
addMessages({
  vi: {
    'seller.pin.digits': 'Số định danh cá nhân chỉ gồm chữ số.',
    'seller.pin.length': 'Số định danh cá nhân (số căn cước công dân) gồm đúng 12 chữ số.',
    'seller.pin.province':
      'Ba chữ số đầu của số định danh cá nhân là mã tỉnh nơi đăng ký khai sinh (từ 001 đến 096, ví dụ 056 là Khánh Hòa). Hãy kiểm tra lại.',
    'seller.pin.birth_year':
      'Chữ số thứ 4 (thế kỷ và giới tính) và chữ số thứ 5–6 (năm sinh) cho ra năm sinh ở tương lai. Hãy kiểm tra lại.',
    'seller.tax_code.format':
      'Mã số thuế chỉ gồm chữ số, có thể thêm dấu gạch ngang và 3 chữ số của chi nhánh (ví dụ 0100109106-001).',
    'seller.tax_code.length':
      'Mã số thuế phải có 10 chữ số (chi nhánh: 10 chữ số, dấu gạch ngang và 3 chữ số; cá nhân, hộ kinh doanh: 12 chữ số của số định danh cá nhân).',
    'seller.tax_code.checksum':
      'Mã số thuế không đúng: chữ số thứ 10 (chữ số kiểm tra) không khớp với 9 chữ số đầu. Hãy kiểm tra lại từng chữ số.',
    'seller.tax_code.branch': 'Mã chi nhánh sau dấu gạch ngang phải gồm 3 chữ số, từ 001 đến 999.',
    'seller.tax_code.personal_only':
      'Mã số thuế 12 chữ số (số định danh cá nhân) chỉ dành cho cá nhân và hộ kinh doanh. Hợp tác xã và doanh nghiệp dùng mã số thuế 10 chữ số.',
    'seller.tax_code.taken':
      'Mã số thuế này đã được một cửa hàng khác đăng ký trên sàn. Nếu đây là mã của bạn, vui lòng liên hệ Sở Công Thương để được hỗ trợ.',
    'seller.phone.invalid':
      'Số điện thoại không hợp lệ: số di động gồm 10 chữ số bắt đầu bằng 03, 05, 07, 08, 09; số cố định gồm 11 chữ số bắt đầu bằng 02.',
    'seller.reg_no.enterprise': 'Mã số doanh nghiệp / hợp tác xã gồm đúng 10 chữ số.',
    'seller.reg_no.household':
      'Số đăng ký hộ kinh doanh gồm 5–20 ký tự: chữ cái không dấu, chữ số và các dấu . / -',
    'seller.bank.bin': 'Chọn ngân hàng trong danh sách.',
    'seller.bank.account': 'Số tài khoản gồm từ 6 đến 19 chữ số.',
    'seller.bank.holder': 'Nhập tên chủ tài khoản như in trên thẻ hoặc sổ ngân hàng, ví dụ NGUYEN VAN A.',
    'seller.categories.required': 'Chọn ít nhất một nhóm sản phẩm.',
    'seller.ocop.stars': 'Sản phẩm OCOP được công nhận từ 3 đến 5 sao.',
    'seller.ocop.group': 'Chọn một trong 6 nhóm sản phẩm OCOP.',
    'seller.ocop.too_many': 'Khai tối đa 3 chứng nhận OCOP.',
    'seller.document.required': 'Vui lòng tải lên tài liệu này.',
    'seller.document.invalid': 'Tệp đính kèm không còn hợp lệ. Vui lòng tải lên lại.',
    'seller.application.under_review': 'Hồ sơ của bạn đang được xét duyệt nên chưa thể sửa.',
    'seller.application.none': 'Bạn chưa có hồ sơ đăng ký bán hàng.',
  },
  en: {
    'seller.pin.digits': 'A personal identification number has digits only.',
    'seller.pin.length': 'A personal identification number (citizen ID number) has exactly 12 digits.',
    'seller.pin.province':
      'The first three digits of a personal identification number are the code of the province where the birth was registered (001 to 096, e.g. 056 for Khánh Hòa). Please check it.',
    'seller.pin.birth_year':
      'The 4th digit (century and sex) and the 5th–6th digits (year of birth) give a birth year in the future. Please check it.',
    'seller.tax_code.format':
      'A tax code has digits only, optionally a dash and the 3-digit branch number (e.g. 0100109106-001).',
    'seller.tax_code.length':
      'A tax code has 10 digits (a branch: 10 digits, a dash and 3 digits; individuals and households: the 12-digit personal identification number).',
    'seller.tax_code.checksum':
      'This tax code is not valid: the 10th digit (check digit) does not match the first nine. Please check each digit.',
    'seller.tax_code.branch': 'The branch number after the dash has 3 digits, from 001 to 999.',
    'seller.tax_code.personal_only':
      'A 12-digit tax code (personal identification number) is for individuals and household businesses only. Cooperatives and companies have a 10-digit tax code.',
    'seller.tax_code.taken':
      'Another shop on the marketplace has registered this tax code. If it is yours, please contact the Department of Industry and Trade.',
    'seller.phone.invalid':
      'Not a valid phone number: mobiles have 10 digits starting with 03, 05, 07, 08 or 09; landlines 11 digits starting with 02.',
    'seller.reg_no.enterprise': 'An enterprise or cooperative code has exactly 10 digits.',
    'seller.reg_no.household':
      'A household business registration number has 5–20 characters: letters, digits and . / -',
    'seller.bank.bin': 'Choose a bank from the list.',
    'seller.bank.account': 'An account number has 6 to 19 digits.',
    'seller.bank.holder': 'Enter the account holder as printed by the bank, e.g. NGUYEN VAN A.',
    'seller.categories.required': 'Choose at least one product category.',
    'seller.ocop.stars': 'OCOP products are rated 3 to 5 stars.',
    'seller.ocop.group': 'Choose one of the 6 OCOP product groups.',
    'seller.ocop.too_many': 'Declare at most 3 OCOP certificates.',
    'seller.document.required': 'Upload this document.',
    'seller.document.invalid': 'The attached file is no longer valid. Please upload it again.',
    'seller.application.under_review': 'Your application is being reviewed and cannot be changed now.',
    'seller.application.none': 'You have no application to sell yet.',
  },
});

// Field labels (the error summary names fields by `label.<field>`); phone and email are the identity module's.
const ocopLabels = (lang: 'vi' | 'en') => {
  const parts =
    lang === 'vi'
      ? {
          number: 'số giấy chứng nhận',
          productName: 'tên sản phẩm',
          stars: 'số sao',
          groupCode: 'nhóm sản phẩm',
          issuedOn: 'ngày cấp',
          fileId: 'bản chụp giấy chứng nhận',
        }
      : {
          number: 'certificate number',
          productName: 'product name',
          stars: 'stars',
          groupCode: 'product group',
          issuedOn: 'date of issue',
          fileId: 'scan of the certificate',
        };
  const name = lang === 'vi' ? 'Chứng nhận OCOP' : 'OCOP certificate';
  return Object.fromEntries(
    Array.from({ length: OCOP_MAX }, (_, i) =>
      Object.entries(parts).map(([k, v]) => [`label.ocop.${i}.${k}`, `${name} ${i + 1}: ${v}`]),
    ).flat(),
  );
};

addMessages({
  vi: {
    'label.legalForm': 'Loại hình',
    'label.shopName': 'Tên cửa hàng',
    'label.description': 'Giới thiệu cửa hàng',
    'label.categories': 'Nhóm sản phẩm, dịch vụ',
    'label.taxCode': 'Mã số thuế',
    'label.businessRegNo': 'Số giấy chứng nhận đăng ký kinh doanh',
    'label.businessRegDate': 'Ngày cấp đăng ký kinh doanh',
    'label.repName': 'Họ và tên người đại diện',
    'label.repCitizenId': 'Số căn cước công dân của người đại diện',
    'label.bankBin': 'Ngân hàng',
    'label.bankAccountNo': 'Số tài khoản',
    'label.bankAccountName': 'Tên chủ tài khoản',
    'label.documents.business_registration': 'Giấy chứng nhận đăng ký kinh doanh (tệp)',
    'label.documents.citizen_id_front': 'Căn cước công dân, mặt trước (tệp)',
    'label.documents.citizen_id_back': 'Căn cước công dân, mặt sau (tệp)',
    'label.file': 'Tệp',
    'label.kind': 'Loại tài liệu',
    ...ocopLabels('vi'),
  },
  en: {
    'label.legalForm': 'Legal form',
    'label.shopName': 'Shop name',
    'label.description': 'About the shop',
    'label.categories': 'Products and services',
    'label.taxCode': 'Tax code',
    'label.businessRegNo': 'Business registration number',
    'label.businessRegDate': 'Date of business registration',
    'label.repName': "Representative's full name",
    'label.repCitizenId': "Representative's citizen ID number",
    'label.bankBin': 'Bank',
    'label.bankAccountNo': 'Account number',
    'label.bankAccountName': 'Account holder',
    'label.documents.business_registration': 'Business registration certificate (file)',
    'label.documents.citizen_id_front': 'Citizen ID card, front (file)',
    'label.documents.citizen_id_back': 'Citizen ID card, back (file)',
    'label.file': 'File',
    'label.kind': 'Document kind',
    ...ocopLabels('en'),
  },
});
