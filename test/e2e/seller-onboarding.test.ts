/**
 * The first complete journey, in a real browser (Debian's chromium) on a phone-sized screen:
 * a new user registers and applies to sell with a mistake, corrects it, an officer asks for a
 * change, the seller fixes it, the officer approves, and the storefront is public.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createUser } from '../../src/modules/identity/index.js';
import { type TestApp, testApp } from '../helpers.js';
import { launchBrowser, phoneContext, serve, shot } from './browser.js';

let t: TestApp;
let browser: Browser;
let base: string;
const officer = { email: 'canbo.e2e@sct.khanhhoa.gov.vn', password: 'mat-khau-can-bo-2026' };

// Smallest real files: the app checks uploads by their content, not their names.
const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

before(async () => {
  t = await testApp();
  await createUser(t.db, {
    email: officer.email,
    fullName: 'Trần Thị Thu Hà',
    password: officer.password,
    role: 'officer',
  });
  base = await serve(t);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await t?.close();
});

async function signIn(page: Page, identifier: string, password: string) {
  await page.goto('/dang-nhap');
  await page.fill('[name=identifier]', identifier);
  await page.fill('[name=password]', password);
  await page.click('main button[type=submit]');
  await page.waitForLoadState('load');
}

test('a seller registers, applies, is asked for a change, fixes it, is approved, and the storefront is public', async () => {
  const seller = await phoneContext(browser, base);
  const page = await seller.newPage();

  // 1. Register with a phone number.
  await page.goto('/dang-ky');
  await page.fill('[name=fullName]', 'Nguyễn Thị Hồng Nhung');
  await page.fill('[name=phone]', '0905 112 233');
  await page.fill('[name=email]', 'hongnhung.e2e@example.vn');
  await page.fill('[name=password]', 'yen-sao-cam-lam-2026');
  await page.click('main button[type=submit]');
  await page.waitForLoadState('load');
  await shot(page, '01-registered');
  assert.match(await page.content(), /Đăng xuất/);

  // 2. The application form, with a mistake: a tax code with a wrong check digit.
  await page.goto('/kenh-ban-hang/dang-ky');
  await page.check('[name=legalForm][value=cooperative]');
  await page.fill('[name=shopName]', 'Hợp tác xã Yến sào Cam Lâm E2E');
  await page.fill('[name=description]', 'Yến sào đảo thiên nhiên Cam Lâm, sơ chế thủ công.');
  await page.check('[name=categories][value=food]');
  await page.fill('[name=taxCode]', '4210000004');
  await page.fill('[name=businessRegNo]', '4210000003');
  await page.fill('[name=businessRegDate]', '2016-04-12');
  await page.fill('[name=repName]', 'Nguyễn Thị Hồng Nhung');
  await page.fill('[name=repCitizenId]', '056180001234');
  // With JavaScript the commune list follows the province at once.
  await page.selectOption('[name=provinceCode]', '48');
  await page.waitForFunction(() =>
    [...document.querySelectorAll('#f-communeCode option')].some((o) => o.textContent === 'Phường Hải Châu'),
  );
  await page.selectOption('[name=provinceCode]', '56');
  await page.waitForFunction(() =>
    [...document.querySelectorAll('#f-communeCode option')].some((o) => o.textContent === 'Xã Cam Lâm'),
  );
  await page.selectOption('[name=communeCode]', { label: 'Xã Cam Lâm' });
  await page.fill('[name=street]', 'Thôn Tân Hòa');
  await page.fill('[name=phone]', '0905112233');
  await page.fill('[name=email]', 'hongnhung.e2e@example.vn');
  await page.selectOption('[name=bankBin]', '970436');
  await page.fill('[name=bankAccountNo]', '0061001234567');
  await page.fill('[name=bankAccountName]', 'Nguyễn Thị Hồng Nhung');
  await page.setInputFiles('[name="upload.business_registration"]', {
    name: 'dkkd.pdf',
    mimeType: 'application/pdf',
    buffer: pdf,
  });
  await page.setInputFiles('[name="upload.citizen_id_front"]', {
    name: 'cccd-truoc.png',
    mimeType: 'image/png',
    buffer: png,
  });
  await page.setInputFiles('[name="upload.citizen_id_back"]', {
    name: 'cccd-sau.png',
    mimeType: 'image/png',
    buffer: png,
  });
  await page.click('button[name=_action][value=submit]');
  await page.waitForLoadState('load');
  await shot(page, '02-application-with-mistake');
  const summary = page.locator('.error-summary');
  assert.equal(await summary.isVisible(), true);
  assert.match(await summary.innerText(), /Mã số thuế/);
  // What was typed and uploaded is still there.
  assert.equal(await page.inputValue('[name=shopName]'), 'Hợp tác xã Yến sào Cam Lâm E2E');
  assert.match(await page.content(), /dkkd\.pdf/);

  // 3. Correct the tax code and submit.
  await page.fill('[name=taxCode]', '4210000003');
  await page.click('button[name=_action][value=submit]');
  await page.waitForLoadState('load');
  await shot(page, '03-application-submitted');
  assert.equal(await page.locator('.error-summary').count(), 0);
  await page.goto('/kenh-ban-hang');
  assert.match(await page.innerText('main'), /Chờ duyệt|Đã nộp|chờ/i);

  // 4. The officer finds it in the queue and asks for a change.
  const office = await browser.newContext({ baseURL: base, locale: 'vi-VN' });
  const op = await office.newPage();
  await signIn(op, officer.email, officer.password);
  await op.goto('/quan-ly/ho-so');
  await shot(op, '04-officer-queue');
  await op.click('text=Hợp tác xã Yến sào Cam Lâm E2E');
  await op.waitForLoadState('load');
  const reason = 'Bản chụp căn cước mặt sau bị mờ, vui lòng chụp lại rõ nét.';
  await op.fill('#action-request_changes textarea[name=reason]', reason);
  await op.click('#action-request_changes button[type=submit]');
  await op.waitForLoadState('load');
  await shot(op, '05-officer-requested-changes');

  // 5. The seller sees the reason, fixes the document and resubmits.
  await page.goto('/kenh-ban-hang');
  assert.match(await page.innerText('main'), new RegExp(reason.slice(0, 30)));
  await shot(page, '06-seller-sees-reason');
  await page.goto('/kenh-ban-hang/dang-ky');
  await page.setInputFiles('[name="upload.citizen_id_back"]', {
    name: 'cccd-sau-ro-net.png',
    mimeType: 'image/png',
    buffer: png,
  });
  await page.click('button[name=_action][value=submit]');
  await page.waitForLoadState('load');
  assert.equal(await page.locator('.error-summary').count(), 0);

  // 6. The officer approves.
  await op.reload();
  await op.click('#action-approve button[type=submit]');
  await op.waitForLoadState('load');
  await shot(op, '07-officer-approved');

  // 7. Anyone can see the storefront, with the information a seller must disclose.
  await page.goto('/kenh-ban-hang');
  const storefrontLink = page.locator('a[href^="/cua-hang/"]').first();
  const href = await storefrontLink.getAttribute('href');
  assert.ok(href, 'the seller centre links to the public storefront once approved');
  const visitor = await phoneContext(browser, base);
  const vp = await visitor.newPage();
  const res = await vp.goto(href!);
  assert.equal(res?.status(), 200);
  const text = await vp.innerText('main');
  assert.match(text, /Hợp tác xã Yến sào Cam Lâm E2E/);
  assert.match(text, /4210000003/);
  assert.match(text, /Xã Cam Lâm/);
  await shot(vp, '08-storefront');
});
