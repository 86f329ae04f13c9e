/** A shop as a switch shows it. */
interface Shop {
  id: string;
  shopName: string;
}

/**
 * The shop a seller-centre page is about: for people in several shops a plain GET form that
 * reloads `action` with `?shop=` (no JavaScript needed), the shop's name otherwise.
 */
export function ShopSwitch({
  seller,
  shops,
  action,
  label,
  submit,
}: {
  seller: Shop;
  shops: Shop[];
  action: string;
  label: string;
  submit: string;
}) {
  if (shops.length < 2)
    return (
      <p class="muted" safe>
        {seller.shopName}
      </p>
    );
  return (
    <form method="get" action={action} class="filters">
      <div class="field">
        <label for="f-shop" safe>
          {label}
        </label>
        <select id="f-shop" name="shop">
          {shops.map((s) => (
            <option value={s.id} selected={s.id === seller.id} safe>
              {s.shopName}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" class="secondary" safe>
        {submit}
      </button>
    </form>
  );
}
