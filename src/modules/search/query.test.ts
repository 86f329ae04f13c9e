import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expandSynonyms, parseQuery, toTsQuery } from './query.js';

test('a query is read as folded words, keeping those typed with diacritics', () => {
  const p = parseQuery('  Tỏi  LÝ Sơn, đặc sản ');
  assert.deepEqual(p.tokens, ['toi', 'ly', 'son', 'dac', 'san']);
  assert.equal(p.folded, 'toi ly son dac san');
  assert.deepEqual(p.accentWords, ['tỏi', 'lý', 'sơn', 'đặc', 'sản']);
  assert.equal(p.lastIsPrefix, false, 'a space after the last word: it is finished');
  assert.equal(parseQuery('yen sa').lastIsPrefix, true);
  assert.deepEqual(parseQuery('Đà Lạt').tokens, ['da', 'lat'], 'đ is d');
});

test('a single letter beside longer words is dropped, and is no unfinished word', () => {
  const p = parseQuery('tram h');
  assert.deepEqual(p.tokens, ['tram']);
  assert.equal(p.lastIsPrefix, false);
  assert.deepEqual(parseQuery('a').tokens, ['a']);
});

test('the query text is capped, and odd characters are no words', () => {
  assert.equal(parseQuery('x'.repeat(500)).text.length, 100);
  assert.deepEqual(parseQuery("yến' OR 1=1; --").tokens, ['yen', 'or']);
});

test('synonym phrases become one clause with every phrase of the group, longest first', () => {
  const groups = [
    [
      ['trai', 'cay'],
      ['hoa', 'qua'],
    ],
    [['nem'], ['nem', 'chua']],
  ];
  assert.deepEqual(expandSynonyms(['trai', 'cay', 'say'], groups), [
    {
      source: ['trai', 'cay'],
      alternatives: [
        ['trai', 'cay'],
        ['hoa', 'qua'],
      ],
    },
    { source: ['say'], alternatives: [['say']] },
  ]);
  assert.deepEqual(expandSynonyms(['nem', 'chua', 'ninh', 'hoa'], groups)[0], {
    source: ['nem', 'chua'],
    alternatives: [['nem', 'chua'], ['nem']],
  });
});

test('the full-text query requires every clause, any alternative, any variant of a word', () => {
  const clauses = expandSynonyms(
    ['trai', 'cay', 'yensao'],
    [
      [
        ['trai', 'cay'],
        ['hoa', 'qua'],
      ],
    ],
  );
  const variants = new Map([['yensao', ['yen sao']]]);
  assert.equal(toTsQuery(clauses, variants), '((trai & cay) | (hoa & qua)) & (yensao | (yen & sao))');
  assert.equal(toTsQuery(clauses), '((trai & cay) | (hoa & qua)) & yensao');
});

test('while typing, a last single letter is the start of a word', () => {
  const p = parseQuery('ca p', { typing: true });
  assert.deepEqual(p.tokens, ['ca', 'p']);
  assert.equal(p.lastIsPrefix, true);
  assert.deepEqual(parseQuery('ca p ', { typing: true }).tokens, ['ca'], 'a space after it: dropped');
});
