import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { signedIn, type TestApp, testApp } from '../../../test/helpers.js';
import { fold, upsertSearchDocs } from './documents.js';
import type { SearchEngine, SearchQuery, SearchResult } from './engine.js';
import { pgSearchEngine } from './pg-engine.js';
import { createSynonym, synonymGroups, synonymInput } from './synonyms.js';
import { categoryNames } from './taxonomy.js';
import { fixtures, keyOf, sellerId } from './test-fixtures.js';

/**
 * The search quality suite: Vietnamese queries as buyers type them, each with the products
 * it must return among its first results, over the 150 documents of test-fixtures.ts.
 */

let t: TestApp;
let engine: SearchEngine;

before(async () => {
  t = await testApp();
  await upsertSearchDocs(t.db, fixtures);
  const { actor: officer } = await signedIn(t, 'officer');
  for (const [term, synonyms] of [
    ['nem', 'nem chua'],
    ['yến', 'tổ yến'],
    ['mắm', 'nước mắm'],
    ['trái cây', 'hoa quả'],
    ['cafe', 'cà phê'],
  ])
    await createSynonym(t.db, officer, synonymInput.parse({ term, synonyms }), '127.0.0.1');
  engine = pgSearchEngine(t.db, { categories: categoryNames(), synonyms: synonymGroups(t.db, 0) });
});
after(() => t.close());

async function run(
  q: string,
  extra: Partial<SearchQuery> = {},
): Promise<{ keys: string[]; r: SearchResult }> {
  const r = await engine.search({ q, ...extra });
  return { keys: r.hits.map((h) => keyOf.get(h.productId) ?? h.productId), r };
}

interface Case {
  q: string;
  filters?: Partial<SearchQuery>;
  /** Each must be among the first `within` results. */
  top?: string[];
  within?: number;
  /** The very first result. */
  first?: string;
  /** Must not be returned at all. */
  absent?: string[];
  /** `a` must come before `b`. */
  before?: [string, string][];
  /** No result; a suggestion (folded) must contain this. */
  none?: { suggestion?: string; category?: string };
}

const groups: [string, Case[]][] = [
  [
    'without diacritics',
    [
      { q: 'yen sao', top: ['yen-cl-tinh-che', 'yen-kh-tinh-che'], within: 6 },
      { q: 'nuoc mam', top: ['mam-nt-584', 'mam-ca-na'], within: 5 },
      { q: 'toi ly son', top: ['toi-ly-son', 'toi-co-don'], within: 4 },
      { q: 'que tra bong', first: 'que-tra-bong', top: ['que-bot'], within: 3 },
      { q: 'sam ngoc linh', top: ['sam-ngoc-linh', 'sam-ngam'], within: 3 },
      { q: 'mat ong', top: ['mat-ong-rung', 'mat-ong-cafe', 'mat-ong-nhan'], within: 4 },
      { q: 'gom bau truc', top: ['gom-bau-truc-binh', 'gom-bau-truc-tuong', 'gom-chum'], within: 4 },
      { q: 'tho cam', top: ['tho-cam-khan', 'tho-cam-tui'], within: 4 },
      { q: 'tram huong', top: ['tram-nhang', 'tram-vong', 'tram-nu'], within: 5 },
      { q: 'dong trung ha thao', first: 'dong-trung' },
      { q: 'muc mot nang', first: 'muc-mot-nang' },
      { q: 'banh trang', top: ['banh-trang-phoi-suong', 'banh-trang-me', 'banh-trang-dua'], within: 6 },
      { q: 'hai san kho', top: ['muc-mot-nang', 'tom-kho', 'ca-chi-vang', 'kho-ca-dua'], within: 8 },
    ],
  ],
  [
    'with diacritics: exact spelling first',
    [
      { q: 'Yến sào', top: ['yen-cl-tinh-che', 'yen-kh-tinh-che'], within: 6 },
      {
        q: 'tỏi',
        top: ['toi-ly-son'],
        within: 3,
        before: [
          ['toi-co-don', 'banh-trang-toi-oi'],
          ['dau-phong', 'banh-trang-toi-oi'],
        ],
      },
      { q: 'Tôi ơi', first: 'banh-trang-toi-oi' },
      { q: 'sâm', top: ['sam-ngoc-linh'], within: 4, before: [['sam-ngam', 'tinh-bot-nghe']] },
      {
        q: 'cá',
        filters: { limit: 60 },
        before: [
          ['ca-bo-kho', 'tom-kho'],
          ['ca-chi-vang', 'cafe-robusta'],
        ],
      },
      { q: 'Đông trùng', first: 'dong-trung' },
      { q: 'nước mắm Cà Ná', first: 'mam-ca-na', top: ['mam-ca-na-nhi'], within: 2 },
    ],
  ],
  [
    'typos',
    [
      { q: 'nuoc mamm', top: ['mam-nt-584', 'mam-ca-na'], within: 5 },
      { q: 'yen sau', top: ['yen-cl-tinh-che'], within: 6 },
      { q: 'yensao', top: ['yen-cl-tinh-che', 'yen-kh-tinh-che'], within: 8 },
      { q: 'xoaii uc', first: 'xoai-uc-cl' },
      { q: 'tram huongg', top: ['tram-nhang'], within: 4 },
      { q: 'sam ngoc linhh', top: ['sam-ngoc-linh'], within: 3 },
    ],
  ],
  [
    'prefixes while typing',
    [
      { q: 'sam ngoc li', top: ['sam-ngoc-linh', 'sam-ngam'], within: 3 },
      { q: 'tram h', top: ['tram-nhang', 'tram-vong'], within: 4 },
      { q: 'homest', top: ['homestay-bien', 'homestay-hon-ba'], within: 5 },
      { q: 'nem chu', first: 'nem-chua-nh' },
    ],
  ],
  [
    'several words in any order',
    [
      { q: 'cam lam yen sao', top: ['yen-cl-tinh-che', 'yen-cl-tho'], within: 3 },
      { q: 'yen sao cam lam', top: ['yen-cl-tinh-che', 'yen-cl-tho'], within: 3 },
      { q: 'ca na nuoc mam', top: ['mam-ca-na', 'mam-ca-na-nhi'], within: 2 },
      { q: 'nha trang nuoc mam', first: 'mam-nt-584' },
      { q: 'ninh hoa nem chua', first: 'nem-chua-nh' },
      { q: 'hon ba tour', top: ['tour-hon-ba', 'tour-hon-ba-2n'], within: 2 },
      { q: 'mat ong khanh son', first: 'mat-ong-rung' },
      { q: 'homestay nha trang', first: 'homestay-bien' },
      { q: 'nho ninh thuan', top: ['nho-xanh', 'nho-say'], within: 4 },
    ],
  ],
  [
    'synonyms',
    [
      { q: 'nem', top: ['nem-chua-nh', 'nem-nuong-nh'], within: 4 },
      { q: 'nem chua', first: 'nem-chua-nh', top: ['nem-nuong-nh'], within: 4 },
      { q: 'yến', top: ['to-yen-nt', 'to-yen-rut-long', 'yen-cl-tinh-che'], within: 12 },
      { q: 'tổ yến', top: ['to-yen-nt', 'to-yen-rut-long', 'yen-kh-tinh-che'], within: 8 },
      { q: 'mắm', top: ['mam-ca-na', 'mam-nt-584'], within: 8 },
      { q: 'trái cây', top: ['xoai-uc-cl', 'nho-xanh'], within: 8 },
      { q: 'trai cay', top: ['hoa-qua-say'], within: 24 },
      { q: 'hoa quả', first: 'hoa-qua-say', top: ['sau-rieng-ks'], within: 16 },
      { q: 'cafe', top: ['cafe-arabica', 'cafe-robusta', 'cafe-bmt'], within: 4 },
    ],
  ],
  [
    'with filters',
    [
      {
        q: 'nuoc mam',
        filters: { commune: '22909' },
        top: ['mam-ca-na', 'mam-ca-na-nhi'],
        within: 2,
        absent: ['mam-nt-584'],
      },
      {
        q: 'yen sao',
        filters: { stars: 5 },
        top: ['yen-kh-tinh-che', 'yen-kh-nuoc'],
        within: 2,
        absent: ['yen-sao-expired', 'yen-cl-tinh-che'],
      },
      {
        q: 'mat ong',
        filters: { priceMax: 200_000n },
        top: ['mat-ong-cafe', 'mat-ong-nhan'],
        within: 2,
        absent: ['mat-ong-rung'],
      },
      {
        q: 'ca phe',
        filters: { category: 'beverages.coffee' },
        top: ['cafe-robusta', 'cafe-bmt'],
        within: 6,
        absent: ['mat-ong-cafe'],
      },
      {
        q: 'tour',
        filters: { category: 'tourism' },
        top: ['tour-hon-ba', 'tour-dao'],
        within: 8,
        absent: ['homestay-bien'],
      },
      { q: 'ca phe', filters: { province: '66' }, first: 'cafe-bmt', absent: ['cafe-robusta'] },
      {
        q: 'kho',
        filters: { seller: sellerId('kho') },
        top: ['muc-kho', 'tom-kho', 'ca-bo-kho'],
        within: 8,
        absent: ['ca-com-kho'],
      },
    ],
  ],
  [
    'nothing to find',
    [
      { q: 'iphone 15 pro max', none: {} },
      { q: 'qeu tra bong', none: { suggestion: 'que tra bong' } },
      { q: 'banh trang tron', none: { suggestion: 'banh trang' } },
      { q: 'do thu cong bang tre', none: { category: 'crafts' } },
      { q: 'nem chua', filters: { province: '66' }, none: {} },
    ],
  ],
];

for (const [name, cases] of groups)
  describe(name, () => {
    for (const c of cases) {
      const label = `${c.q}${c.filters ? ` ${JSON.stringify(c.filters, (_k, v) => (typeof v === 'bigint' ? String(v) : v))}` : ''}`;
      test(label, async () => {
        const { keys, r } = await run(c.q, c.filters);
        const shown = `got ${JSON.stringify(keys.slice(0, 12))}`;
        if (c.none) {
          assert.deepEqual(keys, [], shown);
          if (c.none.suggestion)
            assert.ok(
              r.suggestions.queries.some((s) => fold(s).includes(c.none!.suggestion!)),
              `suggestions ${JSON.stringify(r.suggestions)}`,
            );
          if (c.none.category)
            assert.ok(
              r.suggestions.categories.includes(c.none.category),
              `suggestions ${JSON.stringify(r.suggestions)}`,
            );
          return;
        }
        if (c.first) assert.equal(keys[0], c.first, shown);
        for (const k of c.top ?? []) {
          const at = keys.indexOf(k);
          assert.ok(at >= 0 && at < (c.within ?? 5), `${k} within ${c.within ?? 5}: ${shown}`);
        }
        for (const k of c.absent ?? []) assert.ok(!keys.includes(k), `${k} must not be returned: ${shown}`);
        for (const [a, b] of c.before ?? []) {
          assert.ok(keys.includes(a) && keys.includes(b), `${a} and ${b} both found: ${shown}`);
          assert.ok(keys.indexOf(a) < keys.indexOf(b), `${a} before ${b}: ${shown}`);
        }
      });
    }
  });

test('the suite has at least 40 queries', () => {
  assert.ok(groups.reduce((n, [, cases]) => n + cases.length, 0) >= 40);
});
