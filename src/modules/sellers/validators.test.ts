import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { z } from 'zod';
import { vietnamDay } from '../../platform/http/i18n.js';
import { toFieldErrors } from '../../platform/http/validation.js';
import { applicationSchema, requiredDocuments } from './application-schema.js';
import { banks } from './reference.js';
import {
  accountNoProblem,
  bankBinProblem,
  businessRegNoProblem,
  holderNameProblem,
  normalizeHolderName,
  normalizePhone,
  ocopGroupProblem,
  ocopStarsProblem,
  pastDateProblem,
  personalIdProblem,
  phoneProblem,
  taxCheckDigit,
  taxCodeProblem,
  zHolderName,
  zPhone,
} from './validators.js';

test('tax code: published 10-digit codes pass the check digit', () => {
  // Viettel, Vinamilk, FPT, Vingroup, Petrolimex, Masan, Hòa Phát, BIDV, Vietcombank.
  for (const v of [
    '0100109106',
    '0300588569',
    '0100686174',
    '0101248141',
    '0101245486',
    '0100107370',
    '0303576603',
    '0900189284',
    '0100150619',
    '0100112437',
  ]) {
    assert.equal(taxCodeProblem(v, 'company'), null, v);
  }
  assert.equal(taxCheckDigit('010010910'), 6);
});

test('tax code: typing noise is tolerated, a wrong digit is not', () => {
  assert.equal(taxCodeProblem('0100 109 106', 'company'), null);
  assert.equal(taxCodeProblem('0100.109.106', 'company'), null);
  assert.equal(taxCodeProblem('0100109107', 'company'), 'seller.tax_code.checksum');
  assert.equal(taxCodeProblem('0100109160', 'company'), 'seller.tax_code.checksum'); // two digits swapped
  assert.equal(taxCodeProblem('4201234567', 'company'), 'seller.tax_code.checksum');
  assert.equal(taxCodeProblem('4201234566', 'company'), null);
});

test('tax code: a prefix whose check digit would be 10 has no valid code', () => {
  assert.equal(taxCheckDigit('100047514'), null);
  for (let d = 0; d <= 9; d++)
    assert.equal(taxCodeProblem(`100047514${d}`, 'company'), 'seller.tax_code.checksum');
});

test('tax code: length, characters and branch suffix are named precisely', () => {
  assert.equal(taxCodeProblem('010010910', 'company'), 'seller.tax_code.length');
  assert.equal(taxCodeProblem('01001091066', 'company'), 'seller.tax_code.length');
  assert.equal(taxCodeProblem('01001O9106', 'company'), 'seller.tax_code.format');
  assert.equal(taxCodeProblem('0100109106-001', 'company'), null);
  assert.equal(taxCodeProblem('0314409058-002', 'company'), null);
  assert.equal(taxCodeProblem('0100109106 – 999', 'company'), null);
  assert.equal(taxCodeProblem('0100109106-000', 'company'), 'seller.tax_code.branch');
  assert.equal(taxCodeProblem('0100109106-01', 'company'), 'seller.tax_code.branch');
  assert.equal(taxCodeProblem('0100109106-', 'company'), 'seller.tax_code.branch');
  assert.equal(taxCodeProblem('0100109107-001', 'company'), 'seller.tax_code.checksum');
});

test('tax code: 12 digits only for individuals and households, checked as a personal number', () => {
  assert.equal(taxCodeProblem('056085012345', 'individual'), null);
  assert.equal(taxCodeProblem('056085012345', 'household'), null);
  assert.equal(taxCodeProblem('056085012345', 'company'), 'seller.tax_code.personal_only');
  assert.equal(taxCodeProblem('056085012345', 'cooperative'), 'seller.tax_code.personal_only');
  assert.equal(taxCodeProblem('003085012345', 'individual'), 'seller.pin.province');
  assert.equal(taxCodeProblem('056085012345-001', 'household'), 'seller.tax_code.length');
});

test('citizen ID: 12 digits, province of birth registration, birth year not in the future', () => {
  const now = new Date('2026-03-01T00:00:00Z');
  assert.equal(personalIdProblem('001085012345', now), null); // Hà Nội, male, 1985
  assert.equal(personalIdProblem('079305001234', now), null); // TP HCM, female, 2005
  assert.equal(personalIdProblem('056 185 012 345', now), null); // Khánh Hòa, female, 1985, typed in groups
  assert.equal(personalIdProblem('096226000001', now), null); // Cà Mau, male, 2026
  assert.equal(personalIdProblem('05608501234', now), 'seller.pin.length');
  assert.equal(personalIdProblem('0560850123456', now), 'seller.pin.length');
  assert.equal(personalIdProblem('05608501234A', now), 'seller.pin.digits');
  assert.equal(personalIdProblem('156085012345', now), 'seller.pin.province'); // must start with 0
  assert.equal(personalIdProblem('003085012345', now), 'seller.pin.province'); // 03 was never a province code
  assert.equal(personalIdProblem('097085012345', now), 'seller.pin.province');
  assert.equal(personalIdProblem('000085012345', now), 'seller.pin.province');
  assert.equal(personalIdProblem('001227012345', now), 'seller.pin.birth_year'); // 2027
  assert.equal(personalIdProblem('001399012345', now), 'seller.pin.birth_year'); // 2099
  assert.equal(personalIdProblem('001400012345', now), 'seller.pin.birth_year'); // 22nd century
});

test('phone: +84, spaces and dots normalised; mobile prefixes; landlines only where allowed', () => {
  assert.equal(normalizePhone('+84 912 345 678'), '0912345678');
  assert.equal(normalizePhone('84.912.345.678'), '0912345678');
  assert.equal(normalizePhone('(0258) 3822-222'), '02583822222');
  assert.equal(normalizePhone('+84 258 3822 222'), '02583822222');
  for (const v of ['0912345678', '0389999999', '0567123456', '0701234567', '0868123456', '+84 912 345 678']) {
    assert.equal(phoneProblem(v), null, v);
  }
  for (const v of [
    '0123456789',
    '0412345678',
    '0612345678',
    '091234567',
    '09123456789',
    '02583822222',
    'không có',
  ]) {
    assert.equal(phoneProblem(v), 'v.phone', v);
  }
  assert.equal(phoneProblem('0258 3822 222', { landline: true }), null);
  assert.equal(phoneProblem('0283822222', { landline: true }), 'seller.phone.invalid'); // 10 digits from 02: old numbering
  const parsed = zPhone({ landline: true }).safeParse('+84 258 3822 222');
  assert.deepEqual(parsed.data, '02583822222');
});

test('business registration number: 10 digits for companies and cooperatives, free form for households', () => {
  assert.equal(businessRegNoProblem('4201234566', 'company'), null);
  assert.equal(businessRegNoProblem('4201234566', 'cooperative'), null);
  assert.equal(businessRegNoProblem('420123456', 'company'), 'seller.reg_no.enterprise');
  assert.equal(businessRegNoProblem('37A8012345', 'cooperative'), 'seller.reg_no.enterprise');
  assert.equal(businessRegNoProblem('41m8 012345', 'household'), null);
  assert.equal(businessRegNoProblem('37A-0012/HKD', 'household'), null);
  assert.equal(businessRegNoProblem('A12', 'household'), 'seller.reg_no.household');
  assert.equal(businessRegNoProblem('41M8#012345', 'household'), 'seller.reg_no.household');
  assert.equal(businessRegNoProblem('4'.repeat(21), 'household'), 'seller.reg_no.household');
});

test('dates: real calendar days, not in the future (Vietnam time)', () => {
  const now = new Date('2026-03-01T20:00:00Z'); // already 2 March in Vietnam
  assert.equal(vietnamDay(now), '2026-03-02');
  assert.equal(pastDateProblem('2026-03-02', now), null);
  assert.equal(pastDateProblem('2026-03-03', now), 'v.date_future');
  assert.equal(pastDateProblem('2024-02-29', now), null);
  assert.equal(pastDateProblem('2023-02-29', now), 'v.date');
  assert.equal(pastDateProblem('20/05/2019', now), 'v.date');
});

test('bank: BIN from the VietQR list, 6-19 digit account, holder as banks print it', () => {
  assert.ok(banks.length > 40);
  assert.equal(new Set(banks.map((b) => b.bin)).size, banks.length, 'one choice per BIN');
  assert.ok(banks.some((b) => b.bin === '970436' && b.shortName === 'Vietcombank'));
  assert.ok(
    banks.some((b) => b.bin === '970449' && b.shortName === 'LPBank'),
    'renamed bank under its new name',
  );
  assert.equal(bankBinProblem('970436'), null);
  assert.equal(bankBinProblem('970499'), 'seller.bank.bin');
  assert.equal(accountNoProblem('0071 0001 23456'), null);
  assert.equal(accountNoProblem('19036512345019'), null);
  assert.equal(accountNoProblem('12345'), 'seller.bank.account');
  assert.equal(accountNoProblem('12345678901234567890'), 'seller.bank.account');
  assert.equal(accountNoProblem('0071A0001'), 'seller.bank.account');
  assert.equal(normalizeHolderName('Nguyễn Văn A'), 'NGUYEN VAN A');
  assert.equal(normalizeHolderName('  đặng   thị ánh tuyết '), 'DANG THI ANH TUYET');
  assert.equal(normalizeHolderName('Hợp tác xã Yến sào Cam Lâm'), 'HOP TAC XA YEN SAO CAM LAM');
  assert.equal(holderNameProblem('Công ty TNHH Một thành viên 3/2'), 'seller.bank.holder');
  assert.equal(holderNameProblem('A'), 'seller.bank.holder');
  assert.equal(holderNameProblem('Trần Thị B'), null);
  assert.equal(zHolderName().parse('Phạm Thị Thu Hà'), 'PHAM THI THU HA');
});

test('OCOP: stars 3 to 5, groups 1 to 6', () => {
  for (const s of ['3', '4', '5']) assert.equal(ocopStarsProblem(s), null);
  for (const s of ['0', '2', '6', 'năm']) assert.equal(ocopStarsProblem(s), 'seller.ocop.stars');
  for (const g of ['1', '6']) assert.equal(ocopGroupProblem(g), null);
  for (const g of ['0', '7']) assert.equal(ocopGroupProblem(g), 'seller.ocop.group');
});

const fields = (r: z.ZodSafeParseResult<unknown>) =>
  r.success ? [] : toFieldErrors(r.error).map((e) => `${e.field}:${e.key}`);

test('application schema: a draft needs only the name and legal form, a submission everything', () => {
  assert.deepEqual(
    fields(applicationSchema('draft').safeParse({ legalForm: 'household', shopName: 'Hộ Lê Văn Mua' })),
    [],
  );
  assert.deepEqual(fields(applicationSchema('draft').safeParse({})), [
    'legalForm:v.choose',
    'shopName:v.required',
  ]);
  const errors = fields(
    applicationSchema('submit').safeParse({ legalForm: 'company', shopName: 'Công ty Yến Việt' }),
  );
  for (const f of [
    'taxCode:v.required',
    'repCitizenId:v.required',
    'provinceCode:address.province',
    'communeCode:v.choose',
    'street:address.street',
    'bankBin:v.required',
    'businessRegNo:v.required',
    'businessRegDate:v.required',
    'categories:seller.categories.required',
  ]) {
    assert.ok(errors.includes(f), `${f} in ${errors.join(', ')}`);
  }
  // An individual needs no business registration.
  const individual = fields(
    applicationSchema('submit').safeParse({ legalForm: 'individual', shopName: 'Bà Sáu' }),
  );
  assert.ok(!individual.some((e) => e.startsWith('businessRegNo')));
  assert.deepEqual(requiredDocuments('individual'), ['citizen_id_front', 'citizen_id_back']);
  assert.deepEqual(requiredDocuments('household'), [
    'business_registration',
    'citizen_id_front',
    'citizen_id_back',
  ]);
});

test('application schema: invalid values are reported even in a draft, cross-field rules too', () => {
  const errors = fields(
    applicationSchema('draft').safeParse({
      legalForm: 'company',
      shopName: 'Công ty Yến Việt',
      taxCode: '056085012345',
      provinceCode: '56',
      communeCode: '00004', // Ba Đình, Hà Nội
      phone: '0123',
      ocop: [
        { number: 'OCOP-1', productName: '', stars: 6, groupCode: 1, issuedOn: '2099-01-01' },
        null,
        { number: '' },
      ],
    }),
  );
  assert.deepEqual(errors.sort(), [
    'communeCode:address.commune',
    'ocop.0.issuedOn:v.date_future',
    'ocop.0.productName:v.required',
    'ocop.0.stars:seller.ocop.stars',
    'phone:seller.phone.invalid',
    'taxCode:seller.tax_code.personal_only',
  ]);
});
