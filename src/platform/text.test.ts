import assert from 'node:assert/strict';
import { test } from 'node:test';
import { foldVietnamese, slugify } from './text.js';

test('folding removes every Vietnamese diacritic and maps đ to d', () => {
  assert.equal(foldVietnamese('Đắk Lắk, Khánh Hòa, Quảng Ngãi'), 'Dak Lak, Khanh Hoa, Quang Ngai');
  assert.equal(foldVietnamese('nước mắm Cà Ná'), 'nuoc mam Ca Na');
  // Decomposed input (as some keyboards produce) folds the same as precomposed.
  assert.equal(foldVietnamese('Yê\u0301n sa\u0300o'), 'Yen sao');
});

test('slugs are lowercase ASCII words joined by hyphens', () => {
  assert.equal(slugify('Hợp tác xã Yến sào Cam Lâm'), 'hop-tac-xa-yen-sao-cam-lam');
  assert.equal(slugify('  Công ty TNHH Nước mắm (Cà Ná) '), 'cong-ty-tnhh-nuoc-mam-ca-na');
  assert.equal(slugify('a'.repeat(100)).length, 80);
});
