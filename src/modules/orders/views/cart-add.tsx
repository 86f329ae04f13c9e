import type { PageCtx } from '../../../web/page.js';
import { MAX_QUANTITY } from '../cart.js';

/** Adding with a CSRF token, and without one (from an anonymous product page). */
export const ADD_PATH = '/gio-hang/them';
export const VISITOR_ADD_PATH = '/gio-hang/them/khach';

/**
 * The product page's "add to cart" form: a variant (when there are several) and a quantity.
 * A signed-in user's page is their own: the form carries a CSRF token. An anonymous product
 * page is the same for everyone and kept by caches, so it carries none and posts where the
 * browser's Sec-Fetch-Site / Origin headers prove the post came from this site
 * (docs/decisions/cart-add-csrf.md).
 */
export function AddToCartForm({
  ctx,
  variants,
}: {
  ctx: PageCtx;
  /** The product's variants and whether each can be bought now. */
  variants: { id: string; name: string; buyable: boolean }[];
}) {
  const { t } = ctx;
  const buyable = variants.filter((v) => v.buyable);
  if (!buyable.length) return '';
  return (
    <form method="post" action={ctx.actor ? ADD_PATH : VISITOR_ADD_PATH} class="add-to-cart">
      {ctx.actor ? <input type="hidden" name="_csrf" value={ctx.csrf()} /> : ''}
      {variants.length === 1 ? (
        <input type="hidden" name="variantId" value={buyable[0].id} />
      ) : (
        <div class="field">
          <label for="f-cart-variant" safe>
            {t('cart.variant')}
          </label>
          <select id="f-cart-variant" name="variantId">
            {variants.map((v) => (
              <option value={v.id} disabled={!v.buyable} safe>
                {v.buyable ? v.name : `${v.name} (${t('cart.problem.out_of_stock')})`}
              </option>
            ))}
          </select>
        </div>
      )}
      <div class="field">
        <label for="f-cart-quantity" safe>
          {t('cart.quantity')}
        </label>
        <input
          id="f-cart-quantity"
          name="quantity"
          type="number"
          min="1"
          max={String(MAX_QUANTITY)}
          value="1"
          inputmode="numeric"
          size="4"
        />
      </div>
      <p class="actions">
        <button type="submit" safe>
          {t('cart.add')}
        </button>
      </p>
    </form>
  );
}
