import assert from 'node:assert/strict';
import { test } from 'node:test';
import { amountInWords, numberToWords } from './words.js';

const cases: [number | bigint, string][] = [
  [0, 'không'],
  [1, 'một'],
  [5, 'năm'],
  [10, 'mười'],
  [11, 'mười một'],
  [14, 'mười bốn'],
  [15, 'mười lăm'],
  [20, 'hai mươi'],
  [21, 'hai mươi mốt'],
  [24, 'hai mươi tư'],
  [25, 'hai mươi lăm'],
  [41, 'bốn mươi mốt'],
  [44, 'bốn mươi tư'],
  [55, 'năm mươi lăm'],
  [99, 'chín mươi chín'],
  [100, 'một trăm'],
  [101, 'một trăm linh một'],
  [104, 'một trăm linh bốn'],
  [105, 'một trăm linh năm'],
  [110, 'một trăm mười'],
  [115, 'một trăm mười lăm'],
  [121, 'một trăm hai mươi mốt'],
  [1000, 'một nghìn'],
  [1001, 'một nghìn không trăm linh một'],
  [1010, 'một nghìn không trăm mười'],
  [1015, 'một nghìn không trăm mười lăm'],
  [1100, 'một nghìn một trăm'],
  [10_000, 'mười nghìn'],
  [15_000, 'mười lăm nghìn'],
  [21_000, 'hai mươi mốt nghìn'],
  [105_000, 'một trăm linh năm nghìn'],
  [1_005_000, 'một triệu không trăm linh năm nghìn'],
  [1_250_000, 'một triệu hai trăm năm mươi nghìn'],
  [2_000_450, 'hai triệu bốn trăm năm mươi'],
  [20_000_000, 'hai mươi triệu'],
  [1_000_000_000, 'một tỷ'],
  [1_000_000_001, 'một tỷ không trăm linh một'],
  [1_020_000_000, 'một tỷ không trăm hai mươi triệu'],
  [1_000_000_000_000n, 'một nghìn tỷ'],
  [2_500_000_000_000_000n, 'hai triệu năm trăm nghìn tỷ'],
  [1_000_000_000_000_000_000n, 'một tỷ tỷ'],
];

test('numbers in Vietnamese words: linh, mười/mươi, mốt, tư, lăm, scales and zero groups', () => {
  for (const [n, words] of cases) assert.equal(numberToWords(BigInt(n)), words, String(n));
});

test('the southern reading of a zero ten: lẻ', () => {
  assert.equal(numberToWords(105n, { zeroTen: 'lẻ' }), 'một trăm lẻ năm');
  assert.equal(numberToWords(2_003_000n, { zeroTen: 'lẻ' }), 'hai triệu không trăm lẻ ba nghìn');
});

test('an amount as the invoice writes it: capitalised, in đồng, whole', () => {
  assert.equal(amountInWords(1_250_000n), 'Một triệu hai trăm năm mươi nghìn đồng chẵn');
  assert.equal(amountInWords(0n), 'Không đồng chẵn');
  assert.equal(amountInWords(35_500n), 'Ba mươi lăm nghìn năm trăm đồng chẵn');
  assert.equal(amountInWords(-200_000n), 'Âm hai trăm nghìn đồng chẵn');
});
