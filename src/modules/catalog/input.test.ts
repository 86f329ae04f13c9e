import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ValidationError } from '../../platform/http/errors.js';
import { translate } from '../../platform/http/i18n.js';
import { parseInput } from '../../platform/http/validation.js';
import '../geo/index.js';
import { productInputSchema } from './input.js';
import './messages.js';
import { parseWholeNumber } from './money.js';
import { ocopExpiresOn, validOcopStars } from './ocop.js';
import { categoryName, leafCodes, productCategories } from './reference.js';
import { productForm } from './test-fixtures.js';

/** The errors of a refused input, as `field -> Vietnamese message`. */
function errors(input: Record<string, unknown>, locale: 'vi' | 'en' = 'vi') {
  try {
    parseInput(productInputSchema, input);
  } catch (err) {
    assert.ok(err instanceof ValidationError);
    return Object.fromEntries(err.fields.map((f) => [f.field, translate(locale, f.key, f.params)]));
  }
  assert.fail('the input was accepted');
}

test('money is read as sellers type it, into exact bigint đồng', () => {
  assert.equal(parseWholeNumber('1.250.000'), 1_250_000n);
  assert.equal(parseWholeNumber('250000'), 250_000n);
  assert.equal(parseWholeNumber('250 000'), 250_000n);
  assert.equal(parseWholeNumber('250,000'), 250_000n);
  assert.equal(parseWholeNumber('1.250.000 đ'), 1_250_000n);
  assert.equal(parseWholeNumber('999.999.999.999'), 999_999_999_999n);
  for (const bad of ['250.5', '25.00', '1.250,000', '12.34.567', 'abc', '-5', '1e6', '2,5'])
    assert.equal(parseWholeNumber(bad), null, bad);
});

test('a complete product is accepted, with prices as bigint and empty variant rows ignored', () => {
  const form = productForm();
  const rows = form.variants as Record<string, string>[];
  const input = parseInput(productInputSchema, {
    ...form,
    variants: [rows[0], { name: '', sku: '', price: '', compareAtPrice: '', stock: '' }, rows[1], {}],
  });
  assert.equal(input.variants.length, 2);
  assert.deepEqual(
    input.variants.map((v) => [v.name, v.price, v.compareAtPrice, v.stock]),
    [
      ['Hộp 50 g', 1_250_000n, 1_400_000n, 10],
      ['Hộp 100 g', 2_400_000n, null, 5],
    ],
  );
  assert.equal(input.isKeyProduct, true);
  assert.equal(input.ocopStars, 4);
  assert.equal(input.ocopGroup, 1);
  assert.equal(input.weightGrams, 100);
  assert.deepEqual(input.certifications, ['haccp', 'iso22000']);
  // JSON numbers and dd/mm/yyyy dates are read too.
  const json = parseInput(productInputSchema, {
    ...form,
    ocopIssuedOn: '15/03/2024',
    isKeyProduct: false,
    variants: [{ name: '1 kg', price: 250000, stock: 3 }],
  });
  assert.equal(json.ocopIssuedOn, '2024-03-15');
  assert.equal(json.isKeyProduct, false);
  assert.equal(json.variants[0].price, 250_000n);
});

test('every problem is reported on its field, in Vietnamese and in English', () => {
  const tomorrow = new Date(Date.now() + 2 * 86400000).toISOString().slice(0, 10);
  const bad = productForm({
    name: 'Yế',
    category: 'food',
    unit: 'thùng phi',
    originCommuneCode: '00004',
    ocopStars: '2',
    ocopIssuedOn: tomorrow,
    certifications: ['iso9001'],
    weightGrams: '0,5',
    variants: [
      { name: 'Hộp 50 g', sku: 'YS 50', price: '250.5', stock: '-1' },
      { name: '', sku: '', price: '100.000', stock: '' },
      { name: 'Hộp 100 g', sku: 'ys-1', price: '100.000', compareAtPrice: '90.000', stock: '1' },
      { name: 'Hộp 200 g', sku: 'YS-1', price: '0', stock: '1' },
    ],
  });
  const vi = errors(bad);
  assert.equal(vi.name, 'Cần ít nhất 3 ký tự.');
  assert.equal(vi.category, 'Chọn một danh mục chi tiết trong danh sách.');
  assert.equal(vi.unit, 'Vui lòng chọn một giá trị trong danh sách.');
  assert.match(vi.originCommuneCode, /xã|phường/i);
  assert.equal(vi.ocopStars, 'Sản phẩm OCOP được công nhận từ 3 đến 5 sao.');
  assert.equal(vi.ocopIssuedOn, 'Ngày không được ở tương lai.');
  assert.equal(vi['certifications.0'], 'Vui lòng chọn một giá trị trong danh sách.');
  assert.equal(vi.weightGrams, 'Nhập khối lượng là số gam nguyên, ví dụ 500.');
  assert.match(vi['variants.0.sku'], /^Mã SKU chỉ gồm/);
  assert.equal(
    vi['variants.0.price'],
    'Nhập giá bằng số đồng, ví dụ 250000 hoặc 250.000 (không có phần lẻ).',
  );
  assert.equal(vi['variants.0.stock'], 'Nhập tồn kho là số nguyên, ví dụ 120.');
  assert.equal(vi['variants.1.name'], 'Vui lòng nhập thông tin này.');
  assert.equal(vi['variants.2.compareAtPrice'], 'Giá gốc phải cao hơn giá bán (hoặc để trống).');
  assert.equal(vi['variants.3.price'], 'Giá phải lớn hơn 0 và không quá 999.999.999.999 đồng.');
  assert.equal(vi['variants.3.sku'], 'Mã SKU bị trùng với một phân loại khác của sản phẩm.');
  const en = errors(bad, 'en');
  assert.equal(en.name, 'Enter at least 3 characters.');
  assert.equal(
    en['variants.2.compareAtPrice'],
    'The compare-at price must be higher than the price (or left empty).',
  );
  assert.equal(en['variants.0.price'], 'Enter the price in whole đồng, e.g. 250000 or 250.000.');
});

test('required fields, no variants, and OCOP data given only in part', () => {
  const vi = errors({ variants: [{}, {}], ocopCertificateNo: '12/QĐ' });
  assert.equal(vi.name, 'Vui lòng nhập thông tin này.');
  assert.equal(vi.category, 'Vui lòng chọn một giá trị trong danh sách.');
  assert.equal(vi.originProvinceCode, 'Vui lòng chọn một giá trị trong danh sách.');
  assert.equal(vi['variants.0.name'], 'Sản phẩm cần ít nhất một phân loại có tên và giá bán.');
  assert.match(vi.ocopStars, /^Sản phẩm OCOP cần đủ nhóm, hạng sao/);
  assert.equal(vi.ocopCertificateNo, undefined);
  const many = errors(
    productForm({ variants: Array.from({ length: 21 }, (_, i) => ({ name: `L${i}`, price: '1000' })) }),
  );
  assert.equal(many.variants, 'Một sản phẩm có tối đa 20 phân loại.');
});

test('an OCOP certificate is valid 36 months: to the day before the same date, then no stars', () => {
  assert.equal(ocopExpiresOn('2024-03-15'), '2027-03-14');
  assert.equal(ocopExpiresOn('2024-02-29'), '2027-02-28');
  const p = { ocopStars: 4, ocopExpiresOn: '2027-03-14' };
  assert.equal(validOcopStars(p, '2027-03-14'), 4);
  assert.equal(validOcopStars(p, '2027-03-15'), null);
});

test('the taxonomy has two levels under the seller categories, with Vietnamese and English names', async () => {
  const { categories } = await import('../sellers/index.js');
  assert.deepEqual(
    productCategories.map((c) => c.code),
    categories.map((c) => c.code),
  );
  for (const top of productCategories)
    for (const leaf of top.children) {
      assert.match(leaf.code, new RegExp(`^${top.code}\\.[a-z_]+$`));
      assert.ok(leaf.vi && leaf.en);
    }
  assert.equal(new Set(leafCodes).size, leafCodes.length);
  assert.equal(categoryName('food.bird_nest', 'vi'), 'Yến sào');
  assert.equal(categoryName('crafts.rattan_sedge', 'vi'), 'Mây tre đan, cói');
  assert.equal(categoryName('fresh_produce.vegetable', 'en'), 'Vegetables, garlic and onions');
});
