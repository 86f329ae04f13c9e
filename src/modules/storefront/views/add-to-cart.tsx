import type { PageCtx } from '../../../web/page.js';

/**
 * The product page's "add to cart" form (the cart is the orders module's: it answers these
 * addresses): a variant when there are several, a quantity (the cart holds at most 999 of one).
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
    <form method="post" action={ctx.actor ? '/gio-hang/them' : '/gio-hang/them/khach'} class="add-to-cart">
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
          max="999"
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
