import { addMessages, type Messages } from '../../platform/http/i18n.js';
import { MAX_VARIANTS } from './input.js';

/** Field labels of the product form, under `label.product.` so they never clash with other forms. */
const fields = {
  vi: {
    name: 'Tên sản phẩm',
    description: 'Mô tả',
    category: 'Danh mục',
    unit: 'Đơn vị tính',
    weightGrams: 'Khối lượng (gam)',
    originProvinceCode: 'Tỉnh, thành phố xuất xứ',
    originCommuneCode: 'Xã, phường xuất xứ',
    isKeyProduct: 'Sản phẩm chủ lực của địa phương',
    ocopGroup: 'Nhóm sản phẩm OCOP',
    ocopStars: 'Hạng sao OCOP',
    ocopCertificateNo: 'Số giấy chứng nhận OCOP',
    ocopIssuedOn: 'Ngày cấp giấy chứng nhận OCOP',
    ocopFileId: 'Bản chụp giấy chứng nhận OCOP',
    ocopFile: 'Bản chụp giấy chứng nhận OCOP',
    certifications: 'Chứng nhận chất lượng',
    shelfLifeDays: 'Hạn sử dụng (ngày)',
    storage: 'Hướng dẫn bảo quản',
    variants: 'Phân loại (biến thể)',
    image: 'Ảnh',
    alt: 'Mô tả ảnh (văn bản thay thế)',
    delta: 'Số lượng thay đổi',
    reason: 'Lý do',
  },
  en: {
    name: 'Product name',
    description: 'Description',
    category: 'Category',
    unit: 'Unit',
    weightGrams: 'Weight (grams)',
    originProvinceCode: 'Province of origin',
    originCommuneCode: 'Commune of origin',
    isKeyProduct: 'Key product of the locality',
    ocopGroup: 'OCOP product group',
    ocopStars: 'OCOP stars',
    ocopCertificateNo: 'OCOP certificate number',
    ocopIssuedOn: 'OCOP certificate date of issue',
    ocopFileId: 'Scan of the OCOP certificate',
    ocopFile: 'Scan of the OCOP certificate',
    certifications: 'Quality certifications',
    shelfLifeDays: 'Shelf life (days)',
    storage: 'Storage instructions',
    variants: 'Variants',
    image: 'Image',
    alt: 'Image description (alternative text)',
    delta: 'Change in stock',
    reason: 'Reason',
  },
};
const variantFields = {
  vi: {
    name: 'Tên phân loại',
    sku: 'Mã SKU',
    price: 'Giá bán (đồng)',
    compareAtPrice: 'Giá gốc (đồng)',
    stock: 'Tồn kho',
  },
  en: {
    name: 'Variant name',
    sku: 'SKU',
    price: 'Price (đồng)',
    compareAtPrice: 'Compare-at price (đồng)',
    stock: 'Stock',
  },
};

function labels(locale: 'vi' | 'en'): Messages {
  const out: Messages = {};
  for (const [k, v] of Object.entries(fields[locale])) out[`label.product.${k}`] = v;
  const row = locale === 'vi' ? 'Phân loại' : 'Variant';
  for (let i = 0; i < MAX_VARIANTS + 5; i++)
    for (const [k, v] of Object.entries(variantFields[locale]))
      out[`label.product.variants.${i}.${k}`] = `${row} ${i + 1} – ${v}`;
  return out;
}

addMessages({ vi: labels('vi'), en: labels('en') });

addMessages({
  vi: {
    'catalog.status.draft': 'Bản nháp',
    'catalog.status.published': 'Đang bán',
    'catalog.status.hidden': 'Đã ẩn',
    'catalog.status.taken_down': 'Bị gỡ bởi cơ quan quản lý',
    'catalog.action.publish': 'Đăng bán',
    'catalog.action.hide': 'Ẩn sản phẩm',
    'catalog.action.take_down': 'Gỡ sản phẩm',
    'catalog.action.restore': 'Khôi phục (về trạng thái ẩn)',
    'catalog.sku.format': 'Mã SKU chỉ gồm chữ không dấu, chữ số và các dấu . _ - /',
    'catalog.sku.duplicate': 'Mã SKU bị trùng với một phân loại khác của sản phẩm.',
    'catalog.price.format': 'Nhập giá bằng số đồng, ví dụ 250000 hoặc 250.000 (không có phần lẻ).',
    'catalog.price.range': 'Giá phải lớn hơn 0 và không quá 999.999.999.999 đồng.',
    'catalog.compare_at.gt_price': 'Giá gốc phải cao hơn giá bán (hoặc để trống).',
    'catalog.stock.format': 'Nhập tồn kho là số nguyên, ví dụ 120.',
    'catalog.stock.range': 'Tồn kho phải từ 0 trở lên.',
    'catalog.weight.format': 'Nhập khối lượng là số gam nguyên, ví dụ 500.',
    'catalog.weight.range': 'Khối lượng phải từ 1 gam đến 1.000.000 gam.',
    'catalog.shelf_life.format': 'Nhập số ngày nguyên, ví dụ 365.',
    'catalog.shelf_life.range': 'Hạn sử dụng phải từ 1 đến 36.500 ngày.',
    'catalog.category.invalid': 'Chọn một danh mục chi tiết trong danh sách.',
    'catalog.ocop.group': 'Chọn một trong 6 nhóm sản phẩm OCOP.',
    'catalog.ocop.stars': 'Sản phẩm OCOP được công nhận từ 3 đến 5 sao.',
    'catalog.ocop.incomplete':
      'Sản phẩm OCOP cần đủ nhóm, hạng sao, số và ngày cấp giấy chứng nhận (hoặc để trống cả phần OCOP).',
    'catalog.ocop.file_invalid': 'Tệp giấy chứng nhận không hợp lệ. Vui lòng tải lên lại.',
    'catalog.variants.required': 'Sản phẩm cần ít nhất một phân loại có tên và giá bán.',
    'catalog.variants.too_many': 'Một sản phẩm có tối đa 20 phân loại.',
    'catalog.seller.closed':
      'Cửa hàng đã bị từ chối hoặc chấm dứt hoạt động nên không thể thay đổi sản phẩm.',
    'catalog.publish.seller_not_approved':
      'Chỉ cửa hàng đã được phê duyệt (và không bị tạm ngừng) mới được đăng bán sản phẩm.',
    'catalog.delete.not_allowed': 'Chỉ xóa được sản phẩm ở trạng thái bản nháp hoặc đã ẩn.',
    'catalog.notice.take_down.title': 'Sản phẩm "{product}" đã bị gỡ',
    'catalog.notice.take_down.body':
      'Cơ quan quản lý đã gỡ sản phẩm "{product}" khỏi sàn. Lý do: {reason}. Vui lòng chỉnh sửa sản phẩm theo yêu cầu và liên hệ cơ quan quản lý để được khôi phục.',
    'catalog.notice.restore.title': 'Sản phẩm "{product}" đã được khôi phục',
    'catalog.notice.restore.body':
      'Cơ quan quản lý đã khôi phục sản phẩm "{product}" về trạng thái ẩn; bạn có thể đăng bán lại. Ghi chú: {reason}.',
  },
  en: {
    'catalog.status.draft': 'Draft',
    'catalog.status.published': 'On sale',
    'catalog.status.hidden': 'Hidden',
    'catalog.status.taken_down': 'Taken down by the authority',
    'catalog.action.publish': 'Publish',
    'catalog.action.hide': 'Hide',
    'catalog.action.take_down': 'Take down',
    'catalog.action.restore': 'Restore (as hidden)',
    'catalog.sku.format': 'A SKU has only letters without diacritics, digits and . _ - /',
    'catalog.sku.duplicate': 'This SKU is already used by another variant of the product.',
    'catalog.price.format': 'Enter the price in whole đồng, e.g. 250000 or 250.000.',
    'catalog.price.range': 'The price must be above 0 and at most 999,999,999,999 đồng.',
    'catalog.compare_at.gt_price': 'The compare-at price must be higher than the price (or left empty).',
    'catalog.stock.format': 'Enter the stock as a whole number, e.g. 120.',
    'catalog.stock.range': 'The stock cannot be negative.',
    'catalog.weight.format': 'Enter the weight in whole grams, e.g. 500.',
    'catalog.weight.range': 'The weight must be between 1 and 1,000,000 grams.',
    'catalog.shelf_life.format': 'Enter a whole number of days, e.g. 365.',
    'catalog.shelf_life.range': 'The shelf life must be between 1 and 36,500 days.',
    'catalog.category.invalid': 'Choose a detailed category from the list.',
    'catalog.ocop.group': 'Choose one of the 6 OCOP product groups.',
    'catalog.ocop.stars': 'OCOP products are rated 3 to 5 stars.',
    'catalog.ocop.incomplete':
      'An OCOP product needs its group, stars, certificate number and date of issue (or leave the OCOP part empty).',
    'catalog.ocop.file_invalid': 'The certificate file is not valid. Please upload it again.',
    'catalog.variants.required': 'A product needs at least one variant with a name and a price.',
    'catalog.variants.too_many': 'A product has at most 20 variants.',
    'catalog.seller.closed': 'The shop was rejected or terminated, so its products can no longer be changed.',
    'catalog.publish.seller_not_approved': 'Only an approved shop (not suspended) can publish products.',
    'catalog.delete.not_allowed': 'Only draft or hidden products can be deleted.',
    'catalog.notice.take_down.title': 'Your product "{product}" was taken down',
    'catalog.notice.take_down.body':
      'The authority took "{product}" down from the marketplace. Reason: {reason}. Please correct the product and contact the authority to have it restored.',
    'catalog.notice.restore.title': 'Your product "{product}" was restored',
    'catalog.notice.restore.body':
      'The authority restored "{product}" as hidden; you can publish it again. Note: {reason}.',
  },
});
