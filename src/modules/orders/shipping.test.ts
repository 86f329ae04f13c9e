import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ValidationError } from '../../platform/http/errors.js';
import { parseInput } from '../../platform/http/validation.js';
import { newOrderCode, ORDER_CODE } from './codes.js';
import { deliveryOptions, type ShippingRule, shippingFee, shippingRuleSchema } from './shipping.js';

const rule = (over: Partial<ShippingRule> = {}): ShippingRule => ({
  sellerId: '0190a000-0000-7000-8000-000000000001',
  delivers: true,
  mode: 'flat',
  baseFee: 30_000n,
  perKgFee: 0n,
  insideFee: 0n,
  outsideFee: 0n,
  freeFrom: null,
  pickup: true,
  pickupAddress: '',
  updatedAt: new Date(),
  ...over,
});
const order = (over: Partial<{ subtotal: bigint; grams: number; sameProvince: boolean }> = {}) => ({
  subtotal: 200_000n,
  grams: 0,
  sameProvince: true,
  ...over,
});

test('flat: the same fee for every order', () => {
  assert.equal(shippingFee(rule(), order()), 30_000n);
  assert.equal(shippingFee(rule(), order({ grams: 25_000, sameProvince: false })), 30_000n);
});

test('by weight: the base fee covers the first kilogram, each further started kilogram costs more', () => {
  const r = rule({ mode: 'weight', baseFee: 25_000n, perKgFee: 5_000n });
  assert.equal(shippingFee(r, order({ grams: 0 })), 25_000n, 'unknown weight: the first kilogram');
  assert.equal(shippingFee(r, order({ grams: 1000 })), 25_000n);
  assert.equal(shippingFee(r, order({ grams: 1001 })), 30_000n);
  assert.equal(shippingFee(r, order({ grams: 3500 })), 40_000n);
  assert.equal(shippingFee(r, order({ grams: 10_000 })), 70_000n);
});

test('by zone: inside the shop’s province or outside it', () => {
  const r = rule({ mode: 'zone', insideFee: 15_000n, outsideFee: 40_000n });
  assert.equal(shippingFee(r, order({ sameProvince: true })), 15_000n);
  assert.equal(shippingFee(r, order({ sameProvince: false })), 40_000n);
});

test('free from an amount of the lines, whatever the mode', () => {
  for (const mode of ['flat', 'weight', 'zone'] as const) {
    const r = rule({ mode, baseFee: 20_000n, perKgFee: 5_000n, outsideFee: 50_000n, freeFrom: 500_000n });
    assert.equal(shippingFee(r, order({ subtotal: 500_000n, grams: 9000, sameProvince: false })), 0n);
    assert.ok(shippingFee(r, order({ subtotal: 499_999n, grams: 9000, sameProvince: false })) > 0n);
  }
});

test('delivery options: no rule means pick-up at the shop’s address only', () => {
  const shop = { street: '12 Trần Phú', communeCode: '22333', provinceCode: '56' };
  const none = deliveryOptions(undefined, shop, order());
  assert.equal(none.delivery, null);
  assert.match(none.pickup!.address, /^12 Trần Phú, .+, Tỉnh Khánh Hòa$/);
  const both = deliveryOptions(rule({ pickupAddress: 'Chợ Đầm, quầy 5' }), shop, order());
  assert.deepEqual(both, { delivery: { fee: 30_000n }, pickup: { address: 'Chợ Đầm, quầy 5' } });
  assert.equal(deliveryOptions(rule({ pickup: false }), shop, order()).pickup, null);
  assert.equal(deliveryOptions(rule({ delivers: false }), shop, order()).delivery, null);
});

test('the rule form: amounts as sellers type them, empty "free from" means never, some way to get the goods', () => {
  const ok = parseInput(shippingRuleSchema, {
    delivers: 'on',
    mode: 'weight',
    baseFee: '25.000',
    perKgFee: '5 000',
    insideFee: '',
    outsideFee: '',
    freeFrom: '',
    pickupAddress: '  ',
  });
  assert.deepEqual(ok, {
    delivers: true,
    mode: 'weight',
    baseFee: 25_000n,
    perKgFee: 5_000n,
    insideFee: 0n,
    outsideFee: 0n,
    freeFrom: null,
    pickup: false,
    pickupAddress: '',
  });
  assert.equal(
    parseInput(shippingRuleSchema, { ...ok, delivers: true, freeFrom: 300000 }).freeFrom,
    300_000n,
  );
  const bad = (raw: Record<string, unknown>) => {
    try {
      parseInput(shippingRuleSchema, raw);
      return [];
    } catch (err) {
      assert.ok(err instanceof ValidationError);
      return err.fields.map((f) => `${f.field}:${f.key}`);
    }
  };
  assert.deepEqual(bad({ mode: 'flat', baseFee: '1,5', pickup: 'on' }), ['baseFee:shipping.money']);
  assert.deepEqual(bad({ mode: 'flat', baseFee: '15.000' }), ['delivers:shipping.some_way']);
  assert.deepEqual(bad({ mode: 'fast', pickup: 'on', baseFee: '-5' }), [
    'mode:v.choose',
    'baseFee:shipping.money',
  ]);
});

test('order codes: DH and eight Crockford base32 characters', () => {
  assert.equal(newOrderCode(Buffer.from([0, 0, 0, 0, 0])), 'DH00000000');
  assert.equal(newOrderCode(Buffer.from([255, 255, 255, 255, 255])), 'DHZZZZZZZZ');
  const codes = new Set(Array.from({ length: 2000 }, () => newOrderCode()));
  assert.equal(codes.size, 2000);
  for (const c of codes) assert.match(c, ORDER_CODE);
});
