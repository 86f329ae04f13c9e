/**
 * In a real browser on a narrow phone (360 px): the invoice look-up page fits the screen; its
 * goods table, wider than the screen, scrolls sideways inside its own box.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { issuerOf } from '../../src/modules/invoices/index.js';
import { issueForCompletedOrder } from '../../src/modules/invoices/issue.js';
import { invoices } from '../../src/modules/invoices/schema.js';
import { completed, snapshot } from '../../src/modules/invoices/test-fixtures.js';
import { type TestApp, testApp } from '../helpers.js';
import { artifactsDir, launchBrowser, phoneContext, serve, shot } from './browser.js';

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

test('the invoice look-up on a 360 px phone: the page fits, the goods table scrolls in its box', async () => {
  const order = snapshot();
  await issueForCompletedOrder(issuerOf(t.app.deps), completed(order));
  const [issued] = await t.db.select().from(invoices).where(eq(invoices.orderId, order.orderId));
  const ctx = await phoneContext(browser, base);
  const page = await ctx.newPage();
  await page.setViewportSize({ width: 360, height: 780 });
  await page.goto(`/hoa-don/tra-cuu?ma=${issued.lookupCode}`);
  assert.match(await page.innerText('main'), /Chữ ký số hợp lệ/);

  const widths = await page.evaluate(() => {
    const table = document.querySelector('article.invoice table') as HTMLElement;
    const box = table.parentElement as HTMLElement;
    return {
      page: document.documentElement.scrollWidth,
      screen: document.documentElement.clientWidth,
      box: box.clientWidth,
      boxScroll: getComputedStyle(box).overflowX,
      cue: getComputedStyle(box).backgroundImage,
      table: table.scrollWidth,
      // Lines each cell of the goods takes: the name may wrap, an amount may not.
      lines: [...table.querySelectorAll('tbody tr')].map((tr) =>
        [...tr.querySelectorAll('td')].map((td) => {
          const range = document.createRange();
          range.selectNodeContents(td);
          return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
        }),
      ),
    };
  });
  assert.equal(widths.screen, 360);
  assert.ok(
    widths.page <= widths.screen,
    `the page is ${widths.page} px wide on a ${widths.screen} px screen`,
  );
  assert.equal(widths.boxScroll, 'auto');
  assert.ok(widths.box <= widths.screen, `the table's box is ${widths.box} px wide`);
  assert.ok(widths.table > widths.box, 'the table is wider than its box: it scrolls');
  assert.match(widths.cue, /radial-gradient/, 'a shadow on the edge says there is more');
  for (const cells of widths.lines)
    assert.ok(
      cells.every((n, i) => i === 1 || n === 1),
      `number, unit, quantity, prices and rate on one line each: ${cells}`,
    );
  await shot(page, 'i01-invoice-lookup-360');
  const scrolled = await page.evaluate(() => {
    const box = document.querySelector('article.invoice table')?.parentElement as HTMLElement;
    box.scrollLeft = box.scrollWidth;
    return box.scrollLeft;
  });
  assert.ok(scrolled > 0, 'swiped to the last columns');
  await page.locator('article.invoice table').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${artifactsDir}/i02-invoice-goods-scrolled.png` });
  await ctx.close();
});
