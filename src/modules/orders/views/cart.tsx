import type { FieldError } from '../../../platform/http/errors.js';
import { formatMoney } from '../../../platform/http/i18n.js';
import { Csrf } from '../../../web/forms.js';
import { Layout } from '../../../web/layout.js';
import type { PageCtx } from '../../../web/page.js';
import { TableHead } from '../../../web/table.js';
import { unitName } from '../../catalog/index.js';
import { type Cart, type CartGroup, type CartLine, MAX_QUANTITY } from '../cart.js';

export const CART_PAGE = '/gio-hang';
/** Adding with a CSRF token, and without one from an anonymous product page (storefront/views/add-to-cart.tsx). */
export const ADD_PATH = '/gio-hang/them';
export const VISITOR_ADD_PATH = '/gio-hang/them/khach';
export type CartNotice = 'added' | 'updated' | 'removed';
export const cartNotices: readonly CartNotice[] = ['added', 'updated', 'removed'];

export const lineName = (l: Pick<CartLine, 'name' | 'variantName'>) =>
  l.variantName ? `${l.name} – ${l.variantName}` : l.name;

/** What is wrong with a line, in words (the stock is shown when there is less than asked). */
export function problemText(ctx: PageCtx, l: CartLine): string {
  if (!l.problem) return '';
  return ctx.t(`cart.problem.${l.problem}`, { stock: l.stock, unit: unitName(l.unit, ctx.locale) });
}

/** Messages of a refused change, at the top of the page. */
export function Problems({ ctx, errors }: { ctx: PageCtx; errors: FieldError[] }) {
  if (!errors.length) return '';
  return (
    <div class="error-summary" role="alert" tabindex="-1">
      <h2 safe>{ctx.t('form.error_summary')}</h2>
      <ul>
        {errors.map((e) => (
          <li safe>{ctx.t(e.key, e.params)}</li>
        ))}
      </ul>
    </div>
  );
}

function LineRow({ ctx, line }: { ctx: PageCtx; line: CartLine }) {
  const { t, locale } = ctx;
  const id = `q-${line.variantId}`;
  return (
    <tr data-id={line.variantId}>
      <th scope="row">
        <a href={`/san-pham/${encodeURIComponent(line.slug)}`} safe>
          {lineName(line)}
        </a>
        {line.problem ? (
          <p class="field-error" safe>
            {problemText(ctx, line)}
          </p>
        ) : (
          ''
        )}
      </th>
      <td safe>{formatMoney(line.unitPrice, locale)}</td>
      <td>
        <form method="post" action={`${CART_PAGE}/cap-nhat`} class="inline">
          <Csrf token={ctx.csrf()} />
          <input type="hidden" name="variantId" value={line.variantId} />
          <label for={id} class="visually-hidden" safe>
            {t('cart.quantity_of', { name: lineName(line) })}
          </label>
          <input
            id={id}
            name="quantity"
            type="number"
            min="0"
            max={String(MAX_QUANTITY)}
            value={String(line.quantity)}
            inputmode="numeric"
            size="4"
          />{' '}
          <button type="submit" class="secondary" safe>
            {t('cart.update')}
          </button>
        </form>
      </td>
      <td safe>{formatMoney(line.amount, locale)}</td>
      <td>
        <form method="post" action={`${CART_PAGE}/xoa`} class="inline">
          <Csrf token={ctx.csrf()} />
          <input type="hidden" name="variantId" value={line.variantId} />
          <button type="submit" class="link" aria-label={t('cart.remove_of', { name: lineName(line) })} safe>
            {t('cart.remove')}
          </button>
        </form>
      </td>
    </tr>
  );
}

function Group({ ctx, group }: { ctx: PageCtx; group: CartGroup }) {
  const { t, locale } = ctx;
  return (
    <section aria-labelledby={`shop-${group.seller.id}`}>
      <h2 id={`shop-${group.seller.id}`}>
        <a href={`/cua-hang/${encodeURIComponent(group.seller.slug)}`} safe>
          {group.seller.shopName}
        </a>
      </h2>
      <div class="scroll">
        <table>
          <TableHead
            headers={['cart.product', 'cart.unit_price', 'cart.quantity', 'cart.amount', 'cart.actions'].map(
              (k) => t(k),
            )}
          />
          <tbody>
            {group.lines.map((line) => (
              <LineRow ctx={ctx} line={line} />
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colspan="3" safe>
                {t('cart.subtotal')}
              </th>
              <td safe>{formatMoney(group.subtotal, locale)}</td>
              <td></td>
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}

/** The cart: lines grouped by shop, quantities editable, problems named, totals, the way to check out. */
export function CartPage({
  ctx,
  cart,
  notice,
  errors = [],
}: {
  ctx: PageCtx;
  cart: Cart;
  notice?: CartNotice;
  errors?: FieldError[];
}) {
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('cart.title')}>
      <h1 safe>{t('cart.title')}</h1>
      {notice ? (
        <p class="notice ok" role="status" safe>
          {t(`cart.notice.${notice}`)}
        </p>
      ) : (
        ''
      )}
      <Problems ctx={ctx} errors={errors} />
      {cart.groups.length ? (
        <>
          {cart.groups.map((g) => (
            <Group ctx={ctx} group={g} />
          ))}
          <p class="price big" safe>
            {`${t('cart.total')}: ${formatMoney(cart.total, locale)}`}
          </p>
          {cart.ready ? (
            <p class="actions">
              <a class="button" href="/thanh-toan-don" safe>
                {t('cart.checkout')}
              </a>
            </p>
          ) : (
            <p class="notice warn" safe>
              {t('cart.fix_first')}
            </p>
          )}
        </>
      ) : (
        <p>
          <span safe>{t('cart.empty')}</span>{' '}
          <a href="/" safe>
            {t('cart.shop_on')}
          </a>
        </p>
      )}
    </Layout>
  );
}

/**
 * Asked when an add-to-cart form arrives without proof that it was sent from this site (no
 * token, no same-origin header): the visitor confirms, with a form that carries a token.
 */
export function ConfirmAddPage({ ctx, line, quantity }: { ctx: PageCtx; line: CartLine; quantity: number }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('cart.confirm_title')}>
      <h1 safe>{t('cart.confirm_title')}</h1>
      <p safe>{t('cart.confirm_text', { name: lineName(line), quantity })}</p>
      <form method="post" action={ADD_PATH}>
        <Csrf token={ctx.csrf()} />
        <input type="hidden" name="variantId" value={line.variantId} />
        <input type="hidden" name="quantity" value={String(quantity)} />
        <p class="actions">
          <button type="submit" safe>
            {t('cart.add')}
          </button>{' '}
          <a href={`/san-pham/${encodeURIComponent(line.slug)}`} safe>
            {t('cart.back_to_product')}
          </a>
        </p>
      </form>
    </Layout>
  );
}
