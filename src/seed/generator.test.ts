import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { certifications, ocopExpiresOn, units } from '../modules/catalog/index.js';
import { commune, province } from '../modules/geo/index.js';
import { applicationSchema } from '../modules/sellers/index.js';
import { personalIdProblem, taxCodeProblem } from '../modules/sellers/validators.js';
import { type CatalogOptions, generateCatalog } from './catalog-generator.js';
import { parseProductCount } from './command.js';
import { shortName, stemsAt } from './kind-types.js';
import { productKinds } from './product-kinds.js';

const taxonomy = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../../data/reference/product-categories.json'), 'utf8'),
) as { categories: { children: { code: string }[] }[] };
const leaves = new Set(taxonomy.categories.flatMap((c) => c.children.map((l) => l.code)));

const now = new Date('2026-06-15T03:00:00Z');
const options = (o: Partial<CatalogOptions> = {}): CatalogOptions => ({
  seed: 7,
  batch: 1,
  products: 3000,
  sellers: 60,
  homeProvince: '56',
  now,
  ...o,
});
const all = (o?: Partial<CatalogOptions>) => {
  const c = generateCatalog(options(o));
  return { sellers: c.sellers, products: [...c.products()] };
};

test('the same seed gives the same catalogue; another seed or run gives another', () => {
  const a = all();
  const b = all();
  assert.deepEqual(b, a);
  const other = all({ seed: 8 });
  assert.notDeepEqual(
    other.products.map((p) => p.product.name),
    a.products.map((p) => p.product.name),
  );
  const nextRun = all({ batch: 2 });
  assert.notDeepEqual(
    nextRun.sellers.map((s) => s.taxCode),
    a.sellers.map((s) => s.taxCode),
  );
});

test('every kind is of a category of the taxonomy, sold by a known unit, from real communes', () => {
  const unitCodes = new Set(units.map((u) => u.code));
  const certCodes = new Set(certifications.map((c) => c.code));
  assert.ok(productKinds.length >= 50, `${productKinds.length} kinds`);
  assert.equal(new Set(productKinds.map((k) => k.key)).size, productKinds.length, 'kind keys are unique');
  for (const k of productKinds) {
    assert.ok(leaves.has(k.category), `${k.key}: ${k.category}`);
    assert.ok(unitCodes.has(k.unit), `${k.key}: unit ${k.unit}`);
    for (const c of k.certifications) assert.ok(certCodes.has(c), `${k.key}: ${c}`);
    for (const p of k.places) {
      const c = commune(p.commune);
      assert.ok(c, `${k.key}: commune ${p.commune}`);
      assert.ok(stemsAt(k, p).length, `${k.key} has a name at ${p.label}`);
    }
    for (const [stem, places] of Object.entries(k.stemPlaces)) {
      assert.ok(k.stems.includes(stem), `${k.key}: ${stem}`);
      for (const p of places) assert.ok(k.places.includes(p), `${k.key}: ${stem} at ${p.label}`);
    }
    for (const stem of Object.keys(k.stemPacks)) assert.ok(k.stems.includes(stem), `${k.key}: ${stem}`);
  }
  // The regional specialities the catalogue is about are all there.
  const names = productKinds.flatMap((k) =>
    k.stems.map((s) => `${s} ${k.places.map((p) => p.label).join(' ')}`),
  );
  for (const must of [
    /Yến sào.*Cam Lâm/,
    /Nước mắm.*Cà Ná/,
    /Tỏi.*Lý Sơn/,
    /Quế.*Trà Bồng/,
    /Sâm Ngọc Linh/,
    /Xoài Úc/,
    /Sầu riêng.*Khánh Sơn/,
    /Mực một nắng/,
    /Nem chua.*Ninh Hòa/,
    /Muối.*Hòn Khói/,
    /Gốm|gốm.*Bàu Trúc/,
    /thổ cẩm.*Mỹ Nghiệp/,
    /Tour 4 đảo.*Nha Trang/,
  ])
    assert.ok(
      names.some((n) => must.test(n)),
      String(must),
    );
});

test('products are realistic: names with diacritics, prices in thousands of đồng, origins in their province', () => {
  const { products } = all();
  const slugs = new Set<string>();
  const accented = (s: string) =>
    /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i.test(s);
  // "Nem chua Nha Trang" has none; nearly every other name has some.
  assert.ok(products.filter((p) => accented(p.product.name)).length > products.length * 0.95);
  for (const { product: p } of products) {
    assert.ok(accented(p.description), p.description);
    assert.ok(!slugs.has(p.slug), `slug ${p.slug} once`);
    slugs.add(p.slug);
    assert.match(p.slug, /^[a-z0-9-]+$/);
    assert.ok(leaves.has(p.category), p.category);
    assert.equal(commune(p.originCommuneCode)?.provinceCode, p.originProvinceCode, `${p.name}: origin`);
    const sentences = p.description.split('\n\n')[0].split(/(?<=\.)\s+/);
    assert.ok(sentences.length >= 2 && sentences.length <= 5, `${p.name}: ${sentences.length} sentences`);
    assert.ok(p.variants.length >= 1 && new Set(p.variants.map((v) => v.sku)).size === p.variants.length);
    for (const v of p.variants) {
      assert.ok(Number.isInteger(v.price) && v.price > 0 && v.price % 1000 === 0, `${p.name}: ${v.price}`);
      if (v.compareAtPrice !== null) assert.ok(v.compareAtPrice > v.price && v.compareAtPrice % 1000 === 0);
      assert.ok(Number.isInteger(v.stock) && v.stock >= 0);
    }
    assert.ok(p.publishedAt <= now && p.publishedAt.getTime() > now.getTime() - 366 * 86_400_000);
  }
  // Prices as the market has them: bird's nest in millions per 100 g, fish sauce in tens of thousands a bottle.
  const price = (re: RegExp) =>
    products.flatMap(({ product: p }) =>
      p.variants.filter((v) => re.test(`${p.name} | ${v.name}`)).map((v) => v.price),
    );
  for (const x of price(/^(Yến sào|Tổ yến|Yến tinh chế).*\| Hộp 100 g$/))
    assert.ok(x >= 2_400_000 && x <= 4_000_000);
  for (const x of price(/^Nước mắm.*\| Chai 500 ml$/)) assert.ok(x >= 60_000 && x <= 150_000);
  assert.ok(
    products.some(({ product: p }) => p.description.includes('\n- ')),
    'some descriptions carry a list',
  );
});

test('OCOP ratings: mostly 3 stars, some 4, few 5, certificates of the last four years (some expired)', () => {
  const { products } = all({ products: 8000 });
  const rated = products.map((x) => x.product).filter((p) => p.ocopStars !== null);
  const share = rated.length / products.length;
  assert.ok(share > 0.1 && share < 0.5, `OCOP share ${share}`);
  const count = (s: number) => rated.filter((p) => p.ocopStars === s).length;
  assert.ok(count(3) > count(4) && count(4) > count(5) && count(5) > 0);
  const today = now.toISOString().slice(0, 10);
  const fourYearsAgo = new Date(now.getTime() - 4 * 366 * 86_400_000).toISOString().slice(0, 10);
  for (const p of rated) {
    assert.ok(
      p.ocopGroup! >= 1 && p.ocopGroup! <= 6 && p.ocopCertificateNo && p.ocopIssuedOn && p.ocopExpiresOn,
    );
    assert.ok(p.ocopIssuedOn! <= today && p.ocopIssuedOn! >= fourYearsAgo);
    assert.equal(p.ocopExpiresOn, ocopExpiresOn(p.ocopIssuedOn!));
  }
  assert.ok(rated.some((p) => p.ocopExpiresOn! < today) && rated.some((p) => p.ocopExpiresOn! >= today));
  assert.ok(products.some((x) => x.product.isKeyProduct));
});

test('generated sellers pass the real application checks: tax codes, citizen IDs, communes, banks', () => {
  const { sellers, products } = all();
  for (const [i, s] of sellers.entries()) {
    assert.equal(taxCodeProblem(s.taxCode, s.legalForm), null, `${s.shopName}: ${s.taxCode}`);
    assert.equal(personalIdProblem(s.repCitizenId), null, s.repCitizenId);
    const r = applicationSchema('submit').safeParse({ ...s, email: `ban-hang-1-${i + 1}@demo.tmdt.vn` });
    assert.ok(r.success, `${s.shopName}: ${JSON.stringify(r.error?.issues)}`);
  }
  assert.equal(new Set(sellers.map((s) => s.slug)).size, sellers.length);
  assert.equal(new Set(sellers.map((s) => s.taxCode)).size, sellers.length);
  assert.ok(new Set(sellers.map((s) => s.communeCode)).size >= 30, 'spread over many communes');
  const home = sellers.filter((s) => s.provinceCode === '56').length;
  assert.ok(
    home > sellers.length * 0.3 && home < sellers.length * 0.8,
    `${home} of ${sellers.length} at home`,
  );
  // Some shops sell much more than others, and every shop sells.
  const perShop = sellers.map((_, i) => products.filter((p) => p.seller === i).length).sort((a, b) => a - b);
  assert.ok(perShop[perShop.length - 1] > 4 * perShop[Math.floor(perShop.length / 2)]);
});

test('an instance of another province gets sellers of its own communes, named after them', () => {
  for (const code of ['01', '00']) {
    const { sellers, products } = all({ homeProvince: code, products: 500, sellers: 40 });
    const own = sellers.filter((s) => s.provinceCode === code);
    if (code === '00') assert.equal(own.length, 0, 'the national instance has no province of its own');
    else {
      assert.ok(own.length > 5, `${own.length} sellers in ${code}`);
      for (const s of own) assert.equal(commune(s.communeCode)?.provinceCode, code);
    }
    for (const { product: p } of products) assert.ok(province(p.originProvinceCode), p.originProvinceCode);
  }
});

test('commune names as people say them; the product count of the seed command', () => {
  assert.equal(shortName('Phường Lâm Viên - Đà Lạt'), 'Đà Lạt');
  assert.equal(shortName('Phường 1 Bảo Lộc'), 'Bảo Lộc');
  assert.equal(shortName('Xã Bảo Lâm 2'), 'Bảo Lâm');
  assert.equal(shortName('Đặc khu Lý Sơn'), 'Lý Sơn');
  assert.equal(parseProductCount('100000'), 100_000);
  assert.equal(parseProductCount('100_000'), 100_000);
  assert.equal(parseProductCount('0'), null);
  assert.equal(parseProductCount('nhiều'), null);
  assert.equal(parseProductCount('99999999'), null);
});
