/**
 * In a real browser: a seller creates a product with an image and publishes it; a buyer on a
 * phone finds it by typing its name without diacritics, and opens its page.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import { createSession } from '../../src/modules/identity/index.js';
import { makeSeller } from '../../src/modules/sellers/console-test-fixtures.js';
import { signedIn, type TestApp, testApp } from '../helpers.js';
import { launchBrowser, phoneContext, serve, shot } from './browser.js';

let t: TestApp;
let browser: Browser;
let base: string;

before(async () => {
  t = await testApp();
  base = await serve(t);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await t?.close();
});

test('a seller publishes a product with a picture; a buyer finds it typing without diacritics', async () => {
  const owner = await signedIn(t, 'buyer', 'Nguyễn Thị Hồng Nhung');
  await makeSeller(t, { status: 'approved', owner: owner.user });
  const { token } = await createSession(t.db, owner.user.id, {});
  const sellerCtx = await phoneContext(browser, base);
  await sellerCtx.addCookies([{ name: 'sid', value: token, url: base }]);
  const page = await sellerCtx.newPage();

  // 1. New product: name, category, unit, origin, one variant.
  await page.goto('/kenh-ban-hang/san-pham/moi');
  await page.fill('[name=name]', 'Yến sào đảo Hòn Nội hộp quà 50 g');
  await page.selectOption('[name=category]', 'food.bird_nest');
  await page.selectOption('[name=unit]', { index: 1 });
  await page.fill('[name=description]', 'Tổ yến đảo **Hòn Nội**, làm sạch thủ công.');
  await page.selectOption('[name=originProvinceCode]', '56');
  await page.waitForFunction(() =>
    [...document.querySelectorAll('[name=originCommuneCode] option')].some(
      (o) => o.textContent === 'Xã Cam Lâm',
    ),
  );
  await page.selectOption('[name=originCommuneCode]', { label: 'Xã Cam Lâm' });
  await page.fill('[name="variants.0.name"]', 'Hộp 50 g');
  await page.fill('[name="variants.0.price"]', '1.450.000');
  await page.fill('[name="variants.0.stock"]', '12');
  await page.locator('form[action="/kenh-ban-hang/san-pham/moi"] button[type=submit]:not([name])').click();
  await page.waitForLoadState('load');
  assert.equal(await page.locator('.error-summary').count(), 0, await page.content());
  await shot(page, 'p01-product-created');

  // 2. A picture with its alt text.
  const jpeg = await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#c8a165' } })
    .jpeg()
    .toBuffer();
  await page.setInputFiles('input[name=image]', {
    name: 'hop-yen.jpg',
    mimeType: 'image/jpeg',
    buffer: jpeg,
  });
  await page.fill('[name=alt]', 'Hộp quà yến sào đảo Hòn Nội 50 g');
  await page.locator('form[action$="/anh"] button[type=submit]').click();
  await page.waitForLoadState('load');
  assert.equal((await page.locator('img[alt="Hộp quà yến sào đảo Hòn Nội 50 g"]').count()) > 0, true);

  // 3. Publish.
  await page.locator('form[action$="/publish"] button').click();
  await page.waitForLoadState('load');
  await shot(page, 'p02-product-published');

  // 4. A buyer on a phone, no diacritics.
  const buyer = await phoneContext(browser, base);
  const bp = await buyer.newPage();
  await bp.goto('/');
  await bp.fill('input[name=q]', 'yen sao hon noi');
  await bp.press('input[name=q]', 'Enter');
  await bp.waitForLoadState('load');
  await shot(bp, 'p03-search-results');
  const hit = bp.locator('a[href^="/san-pham/"]', { hasText: 'Yến sào đảo Hòn Nội hộp quà 50 g' }).first();
  assert.equal(await hit.count(), 1, 'the product is among the results');
  await hit.click();
  await bp.waitForLoadState('load');
  await shot(bp, 'p04-product-page');
  const text = await bp.innerText('main');
  assert.match(text, /Yến sào đảo Hòn Nội hộp quà 50 g/);
  assert.match(text, /1\.450\.000/);
  assert.equal((await bp.locator('img[alt="Hộp quà yến sào đảo Hòn Nội 50 g"]').count()) > 0, true);
});
