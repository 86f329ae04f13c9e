import { addMessages } from '../../platform/http/i18n.js';

addMessages({
  vi: {
    'address.legend': 'Địa chỉ',
    'address.refresh': 'Cập nhật danh sách xã/phường theo tỉnh đã chọn',
    'address.commune_hint': 'Theo đơn vị hành chính mới từ 01/7/2025.',
    'address.street_hint': 'Số nhà, tên đường, thôn/tổ dân phố.',
    'address.province': 'Chọn tỉnh/thành phố trong danh sách.',
    'address.commune': 'Xã/phường đã chọn không thuộc tỉnh/thành phố đã chọn. Hãy chọn lại xã/phường.',
    'address.street': 'Nhập số nhà, tên đường hoặc thôn (ít nhất 3 ký tự).',
    'label.provinceCode': 'Tỉnh/thành phố',
    'label.communeCode': 'Xã/phường/đặc khu',
    'label.street': 'Số nhà, đường, thôn',
  },
  en: {
    'address.legend': 'Address',
    'address.refresh': 'Update the commune list for the chosen province',
    'address.commune_hint': 'Administrative units in force from 1 July 2025.',
    'address.street_hint': 'House number, street, hamlet.',
    'address.province': 'Choose a province from the list.',
    'address.commune': 'The chosen commune is not in the chosen province. Choose the commune again.',
    'address.street': 'Enter the house number, street or hamlet (at least 3 characters).',
    'label.provinceCode': 'Province',
    'label.communeCode': 'Commune / ward',
    'label.street': 'House number, street, hamlet',
  },
});
