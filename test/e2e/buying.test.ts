/**
 * Buying, in a real browser (Debian's chromium) on a phone-sized screen: a buyer fills the cart
 * from two shops and checks out once with a delivery and a payment method per shop, pays one
 * shop's order by VietQR (the bank's notification sent by the test), the other's through the
 * VNPAY sandbox; both shops
 * confirm, ship and deliver, the buyer confirms receipt, the escrow is released to the sellers,
 * and the e-invoices and e-contracts can be checked by anyone.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createProduct, transitionProduct } from '../../src/modules/catalog/index.js';
import { productForm } from '../../src/modules/catalog/test-fixtures.js';
import { actorOf } from '../../src/modules/identity/index.js';
import { escrowHeld, sellerBalance } from '../../src/modules/ledger/index.js';
import { ledgerProblems } from '../../src/modules/ledger/test-fixtures.js';
import { stockOf } from '../../src/modules/orders/checkout-test-fixtures.js';
import { orders, shippingRules } from '../../src/modules/orders/schema.js';
import { transferIn } from '../../src/modules/payments/test-fixtures.js';
import { parseVietQr } from '../../src/modules/payments/vietqr.js';
import { SIGNATURE_HEADER, sign } from '../../src/modules/payments/webhook.js';
import { makeSeller } from '../../src/modules/sellers/console-test-fixtures.js';
import type { LegalForm } from '../../src/modules/sellers/index.js';
import { signedIn, type TestApp, testApp } from '../helpers.js';
import { freePort, launchBrowser, phoneContext, serve, shot } from './browser.js';

let t: TestApp;
let browser: Browser;
let base: string;

before(async () => {
  // The gateway sends the buyer back to PUBLIC_URL: the app must know the address it listens on.
  const port = await freePort();
  t = await testApp({ PUBLIC_URL: `http://127.0.0.1:${port}` });
  base = await serve(t, port);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await t?.close();
});

/** An approved shop with its shipping rule and one published product of one variant. */
async function sellingShop(o: {
  shopName: string;
  legalForm: LegalForm;
  rule: Omit<typeof shippingRules.$inferInsert, 'sellerId'>;
  product: string;
  category: string;
  price: string;
  stock: number;
}) {
  const owner = await signedIn(t, 'buyer', `Chủ ${o.shopName}`);
  const { seller } = await makeSeller(t, {
    status: 'approved',
    owner: owner.user,
    values: { shopName: o.shopName, legalForm: o.legalForm },
  });
  await t.db.insert(shippingRules).values({ sellerId: seller.id, ...o.rule });
  const view = await createProduct(
    t.db,
    { userId: owner.user.id, sellerId: seller.id },
    productForm({
      name: o.product,
      category: o.category,
      variants: [{ name: 'Tiêu chuẩn', sku: 'SP-1', price: o.price, stock: String(o.stock) }],
    }),
  );
  await transitionProduct(t.db, {
    productId: view.product.id,
    action: 'publish',
    actor: actorOf(owner.user),
    party: 'seller',
    publicUrl: base,
  });
  return { seller, owner, product: view.product, variantId: view.variants[0].id };
}

/** A phone-sized browser signed in with an existing session. */
async function signedInContext(client: { cookies: Map<string, string> }): Promise<BrowserContext> {
  const ctx = await phoneContext(browser, base);
  await ctx.addCookies([{ name: 'sid', value: client.cookies.get('sid')!, url: base }]);
  return ctx;
}

/** Clicks what submits a form and waits for the page it leads to. */
async function submit(page: Page, button: ReturnType<Page['getByRole']>) {
  await Promise.all([page.waitForNavigation(), button.click()]);
}

test('a buyer orders from two shops, pays by VietQR and VNPAY, both ship, escrow is released, papers check out', async () => {
  const coop = await sellingShop({
    shopName: 'Hợp tác xã Yến sào Cam Lâm',
    legalForm: 'cooperative',
    rule: { mode: 'flat', baseFee: 30_000n, pickup: false },
    product: 'Yến sào Cam Lâm hộp 50 g',
    category: 'food.bird_nest',
    price: '450.000',
    stock: 20,
  });
  const household = await sellingShop({
    shopName: 'Hộ kinh doanh Nước mắm Vạn Ninh',
    legalForm: 'household',
    rule: {
      mode: 'zone',
      insideFee: 25_000n,
      outsideFee: 45_000n,
      pickup: true,
      pickupAddress: 'Thôn Tuần Lễ, xã Vạn Ninh',
    },
    product: 'Nước mắm nhĩ Vạn Ninh chai 500 ml',
    category: 'food.fish_sauce',
    price: '500.000',
    stock: 30,
  });
  const payableBefore = async (shop: { seller: { id: string } }) =>
    (await sellerBalance(t.db, shop.seller.id)).payable;
  const balancesBefore = [await payableBefore(coop), await payableBefore(household)];
  const buyer = await signedIn(t, 'buyer', 'Trần Thị Bích Ngọc');
  const bctx = await signedInContext(buyer.client);
  const bp = await bctx.newPage();

  // 1. Goods of two shops in the cart.
  await bp.goto(`/san-pham/${coop.product.slug}`);
  await bp.getByLabel('Số lượng').fill('2');
  await submit(bp, bp.getByRole('button', { name: 'Thêm vào giỏ hàng' }));
  await bp.goto(`/san-pham/${household.product.slug}`);
  await bp.getByLabel('Số lượng').fill('2');
  await submit(bp, bp.getByRole('button', { name: 'Thêm vào giỏ hàng' }));
  assert.match(bp.url(), /\/gio-hang/);
  const cart = await bp.innerText('main');
  assert.match(cart, /Hợp tác xã Yến sào Cam Lâm/);
  assert.match(cart, /Hộ kinh doanh Nước mắm Vạn Ninh/);
  await shot(bp, 'b01-cart-two-shops');

  // 2. Checkout: the recipient, an address in the 2025 units, per shop how the goods come and how
  // its order is paid: the cooperative's by VietQR, the household's by card through VNPAY.
  await bp.getByRole('link', { name: 'Đặt hàng' }).click();
  await bp.waitForURL('**/thanh-toan-don');
  await bp.getByLabel('Số điện thoại').fill('0987 654 321');
  await bp.getByLabel('Tỉnh/thành phố').selectOption('56');
  await bp.waitForFunction(() =>
    [...document.querySelectorAll('#f-communeCode option')].some((o) => o.textContent === 'Phường Nha Trang'),
  );
  await bp.getByLabel('Xã/phường/đặc khu').selectOption({ label: 'Phường Nha Trang' });
  await bp.getByLabel('Số nhà, đường, thôn').fill('25 Lê Thánh Tôn');
  const coopBox = bp.getByRole('region', { name: 'Hợp tác xã Yến sào Cam Lâm' });
  const householdBox = bp.getByRole('region', { name: 'Hộ kinh doanh Nước mắm Vạn Ninh' });
  const vietqr = coopBox.getByLabel('Chuyển khoản ngân hàng bằng mã VietQR');
  const vnpay = householdBox.getByLabel('Thẻ ngân hàng hoặc ví điện tử qua VNPAY');
  assert.equal(await coopBox.getByLabel('Trả tiền mặt khi nhận hàng (COD)').isChecked(), true);
  await householdBox.getByLabel(/Nhận tại cửa hàng/).check();
  await vietqr.check();
  await vnpay.check();
  const refresh = bp.getByRole('button', { name: 'Cập nhật phí giao hàng' });
  await submit(bp, refresh);
  // The form comes back with the fees of the choices, and what was typed and chosen.
  assert.equal(await bp.getByLabel('Số nhà, đường, thôn').inputValue(), '25 Lê Thánh Tôn');
  assert.equal(await householdBox.getByLabel(/Nhận tại cửa hàng/).isChecked(), true);
  assert.deepEqual([await vietqr.isChecked(), await vnpay.isChecked()], [true, true]);
  assert.match(await bp.innerText('main'), /1\.930\.000/); // 900.000 + 30.000 + 1.000.000, pick-up free
  // Delivered after all, inside the province.
  await householdBox.getByLabel(/Gian hàng giao đến địa chỉ trên – phí giao hàng 25\.000/).check();
  await submit(bp, refresh);
  assert.match(await bp.innerText('main'), /1\.955\.000/);
  await shot(bp, 'b02-checkout');
  await submit(bp, bp.getByRole('button', { name: 'Đặt hàng', exact: true }));

  // 3. One order per shop, shown together, each with its own payment method.
  assert.match(bp.url(), /\/thanh-toan-don\/xong\//);
  const done = bp.url();
  const rows = bp.locator('tbody tr');
  assert.equal(await rows.count(), 2);
  const rowOf = (shop: string) => rows.filter({ hasText: shop });
  const coopCode = (await rowOf('Hợp tác xã Yến sào Cam Lâm').getAttribute('data-id')) as string;
  const householdCode = (await rowOf('Hộ kinh doanh Nước mắm Vạn Ninh').getAttribute('data-id')) as string;
  assert.match(await rowOf('Hợp tác xã Yến sào Cam Lâm').innerText(), /930\.000[\s\S]*VietQR/);
  assert.match(await rowOf('Hộ kinh doanh Nước mắm Vạn Ninh').innerText(), /1\.025\.000[\s\S]*VNPAY/);
  await shot(bp, 'b03-checkout-done');

  // 4. VietQR: the code, the amount and the memo; the bank's notification; the order is paid.
  await submit(bp, bp.getByRole('link', { name: `Thanh toán đơn ${coopCode}` }));
  const qr = bp.getByRole('img', { name: `Mã VietQR thanh toán đơn hàng ${coopCode}` });
  const src = (await qr.getAttribute('src'))!;
  assert.match(src, /^data:image\/svg\+xml;base64,/);
  assert.match(Buffer.from(src.split(',')[1], 'base64').toString('utf8'), /^<svg[\s\S]*<\/svg>\s*$/);
  assert.ok(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0));
  const transfer = await bp.innerText('section[aria-labelledby=transfer]');
  assert.match(transfer, /930\.000/);
  assert.match(transfer, /0011004455667/);
  assert.match(transfer, /SAN TMDT TINH KHANH HOA/);
  const memo = await bp.locator('section[aria-labelledby=transfer] strong').innerText();
  assert.equal(memo, coopCode);
  // The code carries the same details to a banking app (its payload from the JSON twin).
  const pay = await (await bp.request.get(`/api/v1/payments/${coopCode}`)).json();
  const read = parseVietQr(pay.transfer.payload);
  assert.deepEqual(
    { account: read.accountNo, amount: read.amount, memo: read.purpose },
    { account: '0011004455667', amount: 930_000n, memo: coopCode },
  );
  await shot(bp, 'b04-vietqr-payment');
  const body = JSON.stringify(transferIn({ amount: 930_000, content: `CT DEN:0123 ${memo} thanh toan` }));
  const secret = t.app.deps.config.buying.bankWebhookSecret!;
  const hook = await fetch(`${base}/api/v1/payments/bank-webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: sign(secret, body) },
    body,
  });
  assert.equal(hook.status, 200);
  assert.equal((await hook.json()).outcome, 'matched');
  await bp.reload();
  assert.match(await bp.innerText('main'), /Đơn hàng đã được thanh toán/);
  await t.app.outbox.drain();
  await bp.goto(`/don-hang/${coopCode}`);
  assert.match(await bp.innerText('main'), /Đã thanh toán/);
  await shot(bp, 'b05-vietqr-paid');

  // 5. VNPAY, from the same checkout: to the gateway's sandbox, pay, back to the return page; the
  // IPN has paid the order.
  await bp.goto(done);
  await submit(bp, bp.getByRole('link', { name: `Thanh toán đơn ${householdCode}` }));
  await submit(bp, bp.getByRole('link', { name: 'Thanh toán qua VNPAY' }));
  assert.match(bp.url(), /\/vnpay-sandbox\/paymentv2\/vpcpay\.html\?/);
  assert.match(await bp.innerText('main'), /1\.025\.000/);
  await shot(bp, 'b06-vnpay-sandbox');
  await submit(bp, bp.getByRole('button', { name: 'Thanh toán', exact: true }));
  assert.match(bp.url(), /\/thanh-toan\/vnpay\/ket-qua\?.*vnp_ResponseCode=00/);
  const back = await bp.innerText('main');
  assert.match(back, /VNPAY báo giao dịch thành công/);
  assert.match(back, /Đã thanh toán/);
  await shot(bp, 'b07-vnpay-return');
  await t.app.outbox.drain();
  await bp.goto(`/don-hang/${householdCode}`);
  assert.match(await bp.innerText('main'), /Đã thanh toán/);

  // 6. Each shop, signed in on its own phone, confirms, ships with a carrier and delivers.
  const shipments = [
    { shop: coop, code: coopCode, carrier: 'Viettel Post', trackingNo: 'VTP2611230001', name: 'b08-coop' },
    {
      shop: household,
      code: householdCode,
      carrier: 'Giao Hàng Nhanh',
      trackingNo: 'GHN5KX7Q2',
      name: 'b09-household',
    },
  ];
  for (const s of shipments) {
    const sctx = await signedInContext(s.shop.owner.client);
    const sp = await sctx.newPage();
    await sp.goto('/kenh-ban-hang/don-hang');
    await submit(sp, sp.getByRole('link', { name: s.code }));
    await submit(sp, sp.getByRole('button', { name: 'Xác nhận đơn' }));
    await sp.getByLabel('Đơn vị vận chuyển').fill(s.carrier);
    await sp.getByLabel('Mã vận đơn').fill(s.trackingNo);
    await submit(sp, sp.getByRole('button', { name: 'Gửi hàng' }));
    const shipped = await sp.innerText('main');
    assert.match(shipped, /Đang giao/);
    assert.match(shipped, new RegExp(s.trackingNo));
    await submit(sp, sp.getByRole('button', { name: 'Đã giao hàng' }));
    assert.match(await sp.innerText('main'), /Đã giao/);
    await shot(sp, `${s.name}-delivered`);
    await sctx.close();
  }

  // 7. The buyer confirms receipt of both; the orders are completed, the escrow released.
  for (const code of [coopCode, householdCode]) {
    await bp.goto(`/don-hang/${code}`);
    assert.match(await bp.innerText('main'), /Viettel Post|Giao Hàng Nhanh/);
    await submit(bp, bp.getByRole('button', { name: 'Đã nhận được hàng' }));
    assert.match(await bp.innerText('main'), /Hoàn thành/);
  }
  await shot(bp, 'b10-completed');
  const mine = await (await bp.request.get('/api/v1/orders')).json();
  const status = new Map(mine.items.map((o: { code: string; status: string }) => [o.code, o.status]));
  assert.equal(status.get(coopCode), 'completed');
  assert.equal(status.get(householdCode), 'completed');
  const orderIds = Object.fromEntries(
    (await t.db.select({ id: orders.id, code: orders.code }).from(orders)).map((o) => [o.code, o.id]),
  );
  assert.equal(await escrowHeld(t.db, orderIds[coopCode]), 0n);
  assert.equal(await escrowHeld(t.db, orderIds[householdCode]), 0n);
  // A cooperative is not withheld: 930.000 less the 2 % fee.
  assert.equal((await payableBefore(coop)) - balancesBefore[0], 930_000n - 18_600n);
  // A household is: goods 1 % VAT + 0.5 % PIT, the delivery fee (transport) 3 % + 1.5 %.
  const withheld = 10_000n + 750n + (5_000n + 375n);
  assert.equal((await payableBefore(household)) - balancesBefore[1], 1_025_000n - 20_500n - withheld);
  assert.deepEqual(await ledgerProblems(t.db), []);
  assert.equal(await stockOf(t, coop.variantId), 18);
  assert.equal(await stockOf(t, household.variantId), 28);

  // 8. The papers: once the outbox has run, the order page links the e-invoice and the e-contract.
  await t.app.outbox.drain();
  await bp.goto(`/don-hang/${householdCode}`);
  const papers = bp.locator('section[aria-labelledby=papers]');
  assert.match(await papers.innerText(), /Đã thanh toán, sàn đã chuyển tiền cho người bán/);
  const invoiceLink = papers.getByRole('link', { name: /^Hóa đơn .* số \d+/ });
  const contractLink = papers.getByRole('link', { name: /^HD-/ });
  assert.equal(await invoiceLink.count(), 1);
  assert.equal(await contractLink.count(), 1);
  const invoiceCode = new URL((await invoiceLink.getAttribute('href'))!, base).searchParams.get('ma')!;
  const contractCode = await contractLink.innerText();
  await shot(bp, 'b11-order-papers');
  const coopOrder = await (await bp.request.get(`/api/v1/orders/${coopCode}`)).json();
  assert.equal(coopOrder.invoices.length, 1);
  assert.ok(coopOrder.contract);

  // Anyone looks the invoice up by its code and sees the signature checked.
  const visitor = await phoneContext(browser, base);
  const vp = await visitor.newPage();
  await vp.goto('/hoa-don/tra-cuu');
  await vp.getByLabel('Mã tra cứu').fill(invoiceCode);
  await submit(vp, vp.getByRole('button', { name: 'Tra cứu' }));
  const invoice = await vp.innerText('main');
  assert.match(invoice, /Chữ ký số hợp lệ/);
  assert.match(invoice, /Hộ kinh doanh Nước mắm Vạn Ninh/);
  await shot(vp, 'b12-invoice-lookup');

  // And checks the contract by its code: authentic.
  await vp.goto('/hop-dong/kiem-tra');
  await vp.getByLabel('Mã hợp đồng hoặc mã đơn hàng').fill(contractCode);
  await submit(vp, vp.getByRole('button', { name: 'Kiểm tra' }));
  assert.equal(await vp.locator('[data-verdict]').getAttribute('data-verdict'), 'authentic');
  assert.match(await vp.innerText('main'), /Hợp đồng xác thực/);
  await shot(vp, 'b13-contract-verified');
});
