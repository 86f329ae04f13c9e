import { addMessages, type Messages } from '../../../platform/http/i18n.js';
import type { ColumnKey } from './columns.js';

/** Column headings of the spreadsheet (the file's first row), Vietnamese and English. */
const col: Record<'vi' | 'en', Record<ColumnKey, string>> = {
  vi: {
    productKey: 'Mã sản phẩm',
    name: 'Tên sản phẩm',
    variantName: 'Tên phân loại',
    sku: 'Mã SKU',
    price: 'Giá bán (đồng)',
    compareAtPrice: 'Giá gốc (đồng)',
    stock: 'Tồn kho',
    category: 'Danh mục',
    unit: 'Đơn vị tính',
    weightGrams: 'Khối lượng (gam)',
    originProvinceCode: 'Mã tỉnh xuất xứ',
    originCommuneCode: 'Mã xã xuất xứ',
    description: 'Mô tả',
    isKeyProduct: 'Sản phẩm chủ lực',
    ocopGroup: 'Nhóm OCOP',
    ocopStars: 'Số sao OCOP',
    ocopCertificateNo: 'Số giấy chứng nhận OCOP',
    ocopIssuedOn: 'Ngày cấp chứng nhận OCOP',
    certifications: 'Chứng nhận chất lượng',
    shelfLifeDays: 'Hạn sử dụng (ngày)',
    storage: 'Bảo quản',
  },
  en: {
    productKey: 'Product key',
    name: 'Product name',
    variantName: 'Variant name',
    sku: 'SKU',
    price: 'Price (đồng)',
    compareAtPrice: 'Compare-at price (đồng)',
    stock: 'Stock',
    category: 'Category',
    unit: 'Unit',
    weightGrams: 'Weight (grams)',
    originProvinceCode: 'Province of origin code',
    originCommuneCode: 'Commune of origin code',
    description: 'Description',
    isKeyProduct: 'Key product',
    ocopGroup: 'OCOP group',
    ocopStars: 'OCOP stars',
    ocopCertificateNo: 'OCOP certificate number',
    ocopIssuedOn: 'OCOP certificate date of issue',
    certifications: 'Quality certifications',
    shelfLifeDays: 'Shelf life (days)',
    storage: 'Storage',
  },
};

/** What the guide sheet says about each column: how to fill it in and which values it takes. */
const help: Record<'vi' | 'en', Record<ColumnKey, string>> = {
  vi: {
    productKey:
      'Mã do bạn đặt (tối đa 60 ký tự) để gom các dòng: các dòng cùng mã là một sản phẩm, mỗi dòng là một phân loại. Trong tệp xuất ra, đây là mã của sản phẩm trên sàn: giữ nguyên để cập nhật sản phẩm đó.',
    name: 'Từ 3 đến 150 ký tự. Ghi ở dòng đầu của sản phẩm; các dòng sau để trống hoặc ghi giống hệt.',
    variantName: 'Ví dụ: Hộp 100 g, Chai 500 ml. Mỗi sản phẩm có từ 1 đến 20 phân loại.',
    sku: 'Không bắt buộc: chữ không dấu, chữ số và . _ - /. Để trống thì hệ thống tự đặt. Khi cập nhật, phân loại được nhận ra theo mã SKU.',
    price: 'Số đồng, không có phần lẻ: 250000, 250.000 hoặc 250 000 (hoặc ô số trong Excel).',
    compareAtPrice: 'Không bắt buộc. Giá trước khi giảm, phải cao hơn giá bán.',
    stock:
      'Số nguyên từ 0. Chỉ dùng khi tạo phân loại mới; tồn kho của phân loại đã có được điều chỉnh ở trang sản phẩm.',
    category: 'Mã danh mục chi tiết (ví dụ food.bird_nest) hoặc tên danh mục, xem bảng «Danh mục» bên dưới.',
    unit: 'Một đơn vị trong bảng «Đơn vị tính» bên dưới, ví dụ hộp, chai, kg.',
    weightGrams: 'Không bắt buộc. Số gam nguyên, từ 1 đến 1.000.000.',
    originProvinceCode: 'Mã tỉnh, thành phố theo đơn vị hành chính 2025 (bảng bên dưới) hoặc tên tỉnh.',
    originCommuneCode:
      'Không bắt buộc. Mã xã, phường (2025) thuộc tỉnh xuất xứ, hoặc tên xã, phường. Bảng bên dưới liệt kê các xã, phường của tỉnh; tỉnh khác xem ghi chú cuối trang.',
    description: 'Không bắt buộc. Văn bản, có thể dùng Markdown (in đậm **chữ**, danh sách).',
    isKeyProduct: 'Ghi x, có hoặc 1 nếu là sản phẩm chủ lực của địa phương; để trống nếu không.',
    ocopGroup:
      'Số từ 1 đến 6 hoặc tên nhóm (bảng «Nhóm sản phẩm OCOP»). Để trống nếu không phải sản phẩm OCOP.',
    ocopStars:
      '3, 4 hoặc 5. Nhóm, số sao, số giấy chứng nhận và ngày cấp phải ghi đủ cả bốn, hoặc để trống cả bốn.',
    ocopCertificateNo: 'Số của giấy chứng nhận OCOP, ví dụ 125/QĐ-UBND.',
    ocopIssuedOn:
      'Ngày cấp: ô ngày của Excel, hoặc ngày/tháng/năm (15/03/2024), hoặc năm-tháng-ngày (2024-03-15). Giấy chứng nhận có hiệu lực 36 tháng. Bản chụp giấy chứng nhận tải lên ở trang sản phẩm.',
    certifications:
      'Không bắt buộc. Một hoặc nhiều mã, cách nhau bằng dấu phẩy: vietgap, globalgap, organic, haccp, iso22000, halal.',
    shelfLifeDays: 'Không bắt buộc. Số ngày nguyên, từ 1 đến 36.500.',
    storage: 'Không bắt buộc. Tối đa 500 ký tự.',
  },
  en: {
    productKey:
      'A key of your own (at most 60 characters) that groups rows: rows with the same key are one product, each row one variant. In an exported file it is the product’s id on the marketplace: keep it to update that product.',
    name: '3 to 150 characters. Fill it in on the product’s first row; leave it empty on the next rows or repeat it exactly.',
    variantName: 'E.g. Box 100 g, Bottle 500 ml. A product has 1 to 20 variants.',
    sku: 'Optional: letters without diacritics, digits and . _ - /. Left empty, one is made for you. When updating, variants are recognised by their SKU.',
    price: 'Whole đồng: 250000, 250.000 or 250 000 (or a number cell in Excel).',
    compareAtPrice: 'Optional. The price before the discount; must be higher than the price.',
    stock:
      'A whole number from 0. Used only when a variant is created; the stock of an existing variant is adjusted on the product page.',
    category:
      'The code of a detailed category (e.g. food.bird_nest) or its name; see the «Categories» table below.',
    unit: 'One of the units in the «Units» table below, e.g. hộp, chai, kg.',
    weightGrams: 'Optional. Whole grams, from 1 to 1,000,000.',
    originProvinceCode: 'The code of the province (2025 units, table below) or its name.',
    originCommuneCode:
      'Optional. The code (2025) of a commune of the province of origin, or its name. The table below lists the communes of this province; for other provinces see the note at the end.',
    description: 'Optional. Text; Markdown may be used (**bold**, lists).',
    isKeyProduct: 'Write x, yes or 1 for a key product of the locality; leave empty otherwise.',
    ocopGroup:
      'A number from 1 to 6 or the group’s name («OCOP groups» table). Leave empty for a product without OCOP rating.',
    ocopStars: '3, 4 or 5. Group, stars, certificate number and date of issue go together: all four or none.',
    ocopCertificateNo: 'The number of the OCOP certificate, e.g. 125/QĐ-UBND.',
    ocopIssuedOn:
      'Date of issue: an Excel date cell, day/month/year (15/03/2024) or year-month-day (2024-03-15). A certificate is valid for 36 months. Upload its scan on the product page.',
    certifications:
      'Optional. One or more codes separated by commas: vietgap, globalgap, organic, haccp, iso22000, halal.',
    shelfLifeDays: 'Optional. Whole days, from 1 to 36,500.',
    storage: 'Optional. At most 500 characters.',
  },
};

const prefixed = (prefix: string, m: Record<string, string>): Messages =>
  Object.fromEntries(Object.entries(m).map(([k, v]) => [`${prefix}${k}`, v]));

addMessages({
  vi: {
    ...prefixed('catalog.import.col.', col.vi),
    ...prefixed('catalog.import.help.', help.vi),
    'catalog.import.sheet.products': 'Sản phẩm',
    'catalog.import.sheet.guide': 'Hướng dẫn',
    'catalog.import.guide.title': 'Hướng dẫn nhập sản phẩm từ tệp',
    'catalog.import.guide.intro.1':
      'Điền sản phẩm vào trang «Sản phẩm», bắt đầu từ dòng 2; giữ nguyên dòng tiêu đề.',
    'catalog.import.guide.intro.2':
      'Mỗi dòng là một phân loại (ví dụ Hộp 100 g). Các dòng có cùng «Mã sản phẩm» tạo thành một sản phẩm có nhiều phân loại.',
    'catalog.import.guide.intro.3':
      'Các cột có dấu * là bắt buộc. Thông tin chung của sản phẩm ghi ở dòng đầu của sản phẩm.',
    'catalog.import.guide.intro.4':
      'Số tiền ghi bằng số đồng: 250000, 250.000 hoặc 250 000. Ngày ghi ngày/tháng/năm, năm-tháng-ngày hoặc ô ngày của Excel.',
    'catalog.import.guide.intro.5':
      'Tệp CSV: mã hóa UTF-8, phân cách bằng dấu phẩy hoặc dấu chấm phẩy. Tối đa 5.000 dòng mỗi tệp.',
    'catalog.import.guide.intro.6':
      'Nếu có dòng bị lỗi, hệ thống không nhập gì và liệt kê từng lỗi theo số dòng; bạn có thể sửa rồi tải lại, hoặc chọn chỉ nhập các dòng hợp lệ.',
    'catalog.import.guide.intro.7':
      'Sản phẩm mới được tạo ở trạng thái nháp. Ảnh và bản chụp giấy chứng nhận OCOP thêm ở trang sản phẩm.',
    'catalog.import.guide.intro.8':
      'Để sửa hàng loạt: xuất sản phẩm ra tệp, sửa, rồi nhập lại. Dòng giữ «Mã sản phẩm» của tệp xuất sẽ cập nhật sản phẩm đó; phân loại không còn trong tệp sẽ bị xóa khỏi sản phẩm.',
    'catalog.import.guide.columns': 'Các cột',
    'catalog.import.guide.column': 'Cột',
    'catalog.import.guide.required': 'Bắt buộc',
    'catalog.import.guide.how': 'Cách ghi, giá trị cho phép',
    'catalog.import.guide.example': 'Ví dụ',
    'catalog.import.guide.yes': 'Có',
    'catalog.import.guide.example_title':
      'Ví dụ: một sản phẩm có hai phân loại (chép sang trang «Sản phẩm» để thử)',
    'catalog.import.guide.categories': 'Danh mục (mã, tên, nhóm)',
    'catalog.import.guide.units': 'Đơn vị tính',
    'catalog.import.guide.ocop_groups': 'Nhóm sản phẩm OCOP',
    'catalog.import.guide.ocop_stars': 'Hạng sao OCOP được công nhận',
    'catalog.import.guide.certifications': 'Chứng nhận chất lượng (mã, tên)',
    'catalog.import.guide.provinces': 'Tỉnh, thành phố (đơn vị hành chính từ 01/07/2025)',
    'catalog.import.guide.communes': 'Xã, phường, đặc khu của {province}',
    'catalog.import.guide.other_communes':
      'Mã xã, phường của các tỉnh khác: xem trong ô chọn địa chỉ ở biểu mẫu sản phẩm, qua API /api/v1/geo/provinces/<mã tỉnh>/communes, hoặc tệp data/reference/admin-units-2025.json của mã nguồn.',
    'catalog.import.bool': 'Ghi x, có hoặc 1 (có); để trống, không hoặc 0 (không).',
    'catalog.import.conflict':
      'Khác với giá trị ở dòng {row} của cùng sản phẩm. Để trống hoặc ghi giống hệt.',
    'catalog.import.no_shop': 'Bạn chưa thuộc cửa hàng nào. Hãy đăng ký bán hàng trước.',
    'catalog.import.choose_shop': 'Bạn thuộc nhiều cửa hàng: hãy cho biết cửa hàng (tham số sellerId).',
    'catalog.import.expired':
      'Tệp đã được nhập hoặc đã quá 1 giờ kể từ khi tải lên. Vui lòng tải tệp lên lại.',
    'catalog.import.file.too_large': 'Tệp quá lớn: tối đa {size}. Hãy chia thành nhiều tệp.',
    'catalog.import.file.type': 'Chỉ nhận tệp Excel (.xlsx) hoặc CSV (.csv).',
    'catalog.import.file.xls':
      'Tệp Excel 97-2003 (.xls) không được hỗ trợ. Hãy lưu lại dưới dạng .xlsx hoặc .csv.',
    'catalog.import.file.not_xlsx':
      'Tệp có đuôi .xlsx nhưng nội dung không phải bảng tính Excel. Hãy mở bằng Excel và lưu lại dưới dạng .xlsx.',
    'catalog.import.file.not_csv':
      'Tệp có đuôi .csv nhưng không phải văn bản UTF-8. Trong Excel, chọn Lưu thành «CSV UTF-8 (phân cách bằng dấu phẩy)».',
    'catalog.import.file.csv_syntax': 'Tệp CSV bị lỗi dấu ngoặc kép gần dòng {line}.',
    'catalog.import.file.unreadable': 'Không đọc được bảng tính. Hãy mở bằng Excel và lưu lại.',
    'catalog.import.file.unpacked': 'Bảng tính quá lớn khi giải nén. Hãy chia thành nhiều tệp.',
    'catalog.import.file.no_rows': 'Tệp không có dòng sản phẩm nào dưới dòng tiêu đề.',
    'catalog.import.file.missing_columns':
      'Thiếu cột bắt buộc: {columns}. Dòng đầu tiên phải là tiêu đề cột như trong tệp mẫu.',
    'catalog.import.file.too_many_rows': 'Tệp có quá {max} dòng. Hãy chia thành nhiều tệp.',
    'catalog.import.title': 'Nhập và xuất sản phẩm bằng tệp',
    'catalog.import.back': '← Sản phẩm của cửa hàng',
    'catalog.import.step.template': '1. Tải tệp mẫu',
    'catalog.import.template_hint':
      'Tệp Excel có thêm trang «Hướng dẫn» giải thích từng cột, các mã danh mục, đơn vị, nhóm OCOP, mã tỉnh và xã, và một dòng ví dụ.',
    'catalog.import.template_xlsx': 'Tệp mẫu Excel (.xlsx)',
    'catalog.import.template_csv': 'Tệp mẫu CSV (.csv)',
    'catalog.import.step.export': '2. Xuất sản phẩm hiện có (để sửa hàng loạt)',
    'catalog.import.export_hint':
      'Tệp xuất có cùng các cột với tệp mẫu. Sửa rồi nhập lại: các dòng giữ nguyên «Mã sản phẩm» sẽ cập nhật sản phẩm đó.',
    'catalog.import.export_xlsx': 'Xuất ra Excel (.xlsx)',
    'catalog.import.export_csv': 'Xuất ra CSV (.csv)',
    'catalog.import.step.upload': '3. Nhập tệp',
    'catalog.import.file_hint': 'Tệp .xlsx hoặc .csv, tối đa {mb} MB và {rows} dòng.',
    'catalog.import.mode': 'Khi có dòng bị lỗi',
    'catalog.import.mode.all': 'Không nhập gì, chỉ báo lỗi để tôi sửa tệp (khuyên dùng)',
    'catalog.import.mode.valid_only': 'Chỉ nhập các sản phẩm hợp lệ, bỏ qua các dòng bị lỗi',
    'catalog.import.submit': 'Nhập sản phẩm',
    'catalog.import.report.title': 'Kết quả kiểm tra tệp {file}',
    'catalog.import.report.rejected':
      'Chưa nhập sản phẩm nào: {rows} trên {total} dòng thuộc sản phẩm có lỗi. Hãy sửa các lỗi dưới đây rồi tải tệp lên lại.',
    'catalog.import.report.offer':
      'Hoặc chỉ nhập {products} sản phẩm không có lỗi ({rows} dòng), bỏ qua các dòng còn lại.',
    'catalog.import.report.valid_only': 'Chỉ nhập {rows} dòng hợp lệ',
    'catalog.import.report.caption': 'Các lỗi theo dòng ({n})',
    'catalog.import.report.row': 'Dòng',
    'catalog.import.report.column': 'Cột',
    'catalog.import.report.problem': 'Lỗi',
    'catalog.import.report.more': 'Còn {n} lỗi khác. Hãy sửa các lỗi trên rồi tải lên lại để xem tiếp.',
    'catalog.import.result.title': 'Kết quả nhập sản phẩm',
    'catalog.import.result.done':
      'Đã nhập xong: {created} sản phẩm mới (ở trạng thái nháp), {updated} sản phẩm được cập nhật.',
    'catalog.import.result.skipped': '{rows} dòng bị bỏ qua vì có lỗi (liệt kê bên dưới).',
    'catalog.import.result.created': 'tạo mới, dòng {rows}',
    'catalog.import.result.updated': 'cập nhật, dòng {rows}',
    'catalog.import.result.again': 'Nhập tệp khác',
  },
  en: {
    ...prefixed('catalog.import.col.', col.en),
    ...prefixed('catalog.import.help.', help.en),
    'catalog.import.sheet.products': 'Products',
    'catalog.import.sheet.guide': 'Guide',
    'catalog.import.guide.title': 'How to import products from a file',
    'catalog.import.guide.intro.1':
      'Fill in the products on the «Products» sheet from row 2; keep the heading row.',
    'catalog.import.guide.intro.2':
      'Each row is a variant (e.g. Box 100 g). Rows with the same «Product key» make one product with several variants.',
    'catalog.import.guide.intro.3':
      'Columns marked * are required. The product’s own details go on its first row.',
    'catalog.import.guide.intro.4':
      'Amounts are whole đồng: 250000, 250.000 or 250 000. Dates are day/month/year, year-month-day or an Excel date cell.',
    'catalog.import.guide.intro.5':
      'CSV files: UTF-8, separated by commas or semicolons. At most 5,000 rows per file.',
    'catalog.import.guide.intro.6':
      'When a row has an error, nothing is imported and each error is listed by row number; fix the file and upload it again, or choose to import only the valid rows.',
    'catalog.import.guide.intro.7':
      'New products are created as drafts. Add images and the OCOP certificate scan on the product page.',
    'catalog.import.guide.intro.8':
      'To edit in bulk: export your products, edit the file, import it again. Rows keeping the exported «Product key» update that product; variants no longer in the file are removed from it.',
    'catalog.import.guide.columns': 'Columns',
    'catalog.import.guide.column': 'Column',
    'catalog.import.guide.required': 'Required',
    'catalog.import.guide.how': 'How to fill it in, accepted values',
    'catalog.import.guide.example': 'Example',
    'catalog.import.guide.yes': 'Yes',
    'catalog.import.guide.example_title':
      'Example: one product with two variants (copy it to the «Products» sheet to try)',
    'catalog.import.guide.categories': 'Categories (code, name, group)',
    'catalog.import.guide.units': 'Units',
    'catalog.import.guide.ocop_groups': 'OCOP product groups',
    'catalog.import.guide.ocop_stars': 'Recognised OCOP stars',
    'catalog.import.guide.certifications': 'Quality certifications (code, name)',
    'catalog.import.guide.provinces': 'Provinces (administrative units from 1 July 2025)',
    'catalog.import.guide.communes': 'Communes and wards of {province}',
    'catalog.import.guide.other_communes':
      'Commune codes of other provinces: see the address picker of the product form, the API /api/v1/geo/provinces/<province code>/communes, or data/reference/admin-units-2025.json in the source code.',
    'catalog.import.bool': 'Write x, yes or 1 (yes); leave empty, no or 0 (no).',
    'catalog.import.conflict':
      'Differs from row {row} of the same product. Leave it empty or repeat it exactly.',
    'catalog.import.no_shop': 'You do not belong to any shop yet. Apply to sell first.',
    'catalog.import.choose_shop': 'You belong to several shops: say which one (the sellerId parameter).',
    'catalog.import.expired':
      'The file was already imported or was uploaded more than an hour ago. Please upload it again.',
    'catalog.import.file.too_large': 'The file is too large: at most {size}. Split it into several files.',
    'catalog.import.file.type': 'Only Excel (.xlsx) or CSV (.csv) files are accepted.',
    'catalog.import.file.xls': 'Excel 97-2003 files (.xls) are not supported. Save it as .xlsx or .csv.',
    'catalog.import.file.not_xlsx':
      'The file is named .xlsx but is not an Excel workbook. Open it in Excel and save it as .xlsx.',
    'catalog.import.file.not_csv':
      'The file is named .csv but is not UTF-8 text. In Excel, save it as «CSV UTF-8 (comma delimited)».',
    'catalog.import.file.csv_syntax': 'The CSV file has unbalanced quotes near line {line}.',
    'catalog.import.file.unreadable': 'The workbook cannot be read. Open it in Excel and save it again.',
    'catalog.import.file.unpacked': 'The workbook is too large once unpacked. Split it into several files.',
    'catalog.import.file.no_rows': 'The file has no product rows below the heading row.',
    'catalog.import.file.missing_columns':
      'Required columns are missing: {columns}. The first row must hold the column headings of the template.',
    'catalog.import.file.too_many_rows': 'The file has more than {max} rows. Split it into several files.',
    'catalog.import.title': 'Import and export products with a file',
    'catalog.import.back': '← The shop’s products',
    'catalog.import.step.template': '1. Download the template',
    'catalog.import.template_hint':
      'The Excel file has a «Guide» sheet explaining each column, the category codes, units, OCOP groups, province and commune codes, and an example.',
    'catalog.import.template_xlsx': 'Excel template (.xlsx)',
    'catalog.import.template_csv': 'CSV template (.csv)',
    'catalog.import.step.export': '2. Export your products (to edit them in bulk)',
    'catalog.import.export_hint':
      'The export has the template’s columns. Edit it and import it again: rows keeping their «Product key» update that product.',
    'catalog.import.export_xlsx': 'Export to Excel (.xlsx)',
    'catalog.import.export_csv': 'Export to CSV (.csv)',
    'catalog.import.step.upload': '3. Import a file',
    'catalog.import.file_hint': 'An .xlsx or .csv file, at most {mb} MB and {rows} rows.',
    'catalog.import.mode': 'When some rows have errors',
    'catalog.import.mode.all': 'Import nothing and list the errors so I can fix the file (recommended)',
    'catalog.import.mode.valid_only': 'Import only the valid products and skip the rows with errors',
    'catalog.import.submit': 'Import products',
    'catalog.import.report.title': 'Check of the file {file}',
    'catalog.import.report.rejected':
      'Nothing was imported: {rows} of {total} rows belong to products with errors. Fix the errors below and upload the file again.',
    'catalog.import.report.offer':
      'Or import only the {products} products without errors ({rows} rows) and skip the rest.',
    'catalog.import.report.valid_only': 'Import only the {rows} valid rows',
    'catalog.import.report.caption': 'Errors by row ({n})',
    'catalog.import.report.row': 'Row',
    'catalog.import.report.column': 'Column',
    'catalog.import.report.problem': 'Problem',
    'catalog.import.report.more': '{n} more errors. Fix the ones above and upload again to see the rest.',
    'catalog.import.result.title': 'Import result',
    'catalog.import.result.done':
      'Import done: {created} new products (as drafts), {updated} products updated.',
    'catalog.import.result.skipped': '{rows} rows were skipped because of errors (listed below).',
    'catalog.import.result.created': 'created, rows {rows}',
    'catalog.import.result.updated': 'updated, rows {rows}',
    'catalog.import.result.again': 'Import another file',
  },
});
