import { formatMoney } from '../../../platform/http/i18n.js';
import { BackLink } from '../../../web/back-link.js';
import { Choices, Csrf, Field, type FormState, fieldError, TextArea } from '../../../web/forms.js';
import { Layout } from '../../../web/layout.js';
import type { PageCtx } from '../../../web/page.js';
import { AddressFields } from '../../geo/index.js';
import { deliveryField, lineField, NOTE_MAX, noteField, paymentField, seenValue } from '../checkout-input.js';
import { type Quote, type ShopQuote, seenLines } from '../checkout-quote.js';
import type { PaymentMethod } from '../events.js';
import { CART_PAGE, lineName, problemText } from './cart.js';

export const CHECKOUT_PAGE = '/thanh-toan-don';

interface CheckoutPageProps {
  ctx: PageCtx;
  quote: Quote;
  state: FormState;
  /** The idempotency key of this checkout (kept when the form comes back with errors). */
  checkoutKey: string;
  methods: readonly PaymentMethod[];
  /** Pre-selected for every shop whose method the form does not carry yet. */
  defaultPayment: PaymentMethod;
  paymentMinutes: number;
}

/** The error summary, naming a shop's or a line's field by the shop or the product. */
function Summary({ ctx, quote, state }: { ctx: PageCtx; quote: Quote; state: FormState }) {
  const { t } = ctx;
  if (!state.errors.length) return '';
  const shop = new Map(quote.shops.map((s) => [s.seller.id, s.seller.shopName]));
  const label = (field: string) => {
    const [, kind, id] = /^(delivery|payment|note|line)-(.+)$/.exec(field) ?? [];
    if (kind === 'line' || field === '_') return '';
    const name = kind === 'payment' ? 'label.paymentMethod' : `checkout.${kind}`;
    if (kind) return `${shop.get(id) ?? ''} – ${t(name)}: `;
    return `${t(`label.${field}`)}: `;
  };
  // No shop's method given: the first shop's payment choices are where to start.
  const first = quote.shops[0]?.seller.id;
  const anchor = (field: string) => (field === 'paymentMethod' && first ? paymentField(first) : field);
  return (
    <div class="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title" safe>
        {t('form.error_summary')}
      </h2>
      <ul>
        {state.errors.map((e) => (
          <li>
            <a href={`#f-${anchor(e.field)}`} safe>
              {`${label(e.field)}${t(e.key, e.params)}`}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

const money = (ctx: PageCtx, v: bigint) => formatMoney(v, ctx.locale);

interface ShopProps {
  ctx: PageCtx;
  shop: ShopQuote;
  state: FormState;
  methods: readonly PaymentMethod[];
  defaultPayment: PaymentMethod;
  paymentMinutes: number;
}

function Shop({ ctx, shop, state, ...pay }: ShopProps) {
  const { t } = ctx;
  const id = shop.seller.id;
  const options = [];
  if (shop.options.delivery)
    options.push({
      value: 'seller_delivery',
      label: t('checkout.by_shop', {
        fee: shop.options.delivery.fee ? money(ctx, shop.options.delivery.fee) : t('checkout.free'),
      }),
    });
  if (shop.options.pickup)
    options.push({
      value: 'pickup',
      label: t('checkout.pickup_at', { address: shop.options.pickup.address }),
    });
  const values = {
    ...state.values,
    [deliveryField(id)]: shop.delivery,
    [paymentField(id)]: state.values[paymentField(id)] ?? pay.defaultPayment,
  };
  return (
    <section class="group" aria-labelledby={`shop-${id}`}>
      <h2 id={`shop-${id}`} safe>
        {shop.seller.shopName}
      </h2>
      <div class="scroll">
        <table>
          <thead>
            <tr>
              {['cart.product', 'cart.unit_price', 'cart.quantity', 'cart.amount'].map((k) => (
                <th scope="col" safe>
                  {t(k)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shop.lines.map((l) => {
              const error = fieldError(state, lineField(l.variantId));
              return (
                <tr id={`f-${lineField(l.variantId)}`}>
                  <th scope="row">
                    <span safe>{lineName(l)}</span>
                    {error || l.problem ? (
                      <p class="field-error" safe>
                        {error ? t(error.key, error.params) : problemText(ctx, l)}
                      </p>
                    ) : (
                      ''
                    )}
                  </th>
                  <td safe>{money(ctx, l.unitPrice)}</td>
                  <td safe>{String(l.quantity)}</td>
                  <td safe>{money(ctx, l.amount)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <Choices
        name={deliveryField(id)}
        label={t('checkout.delivery')}
        state={{ ...state, values }}
        t={t}
        options={options}
      />
      <Choices
        name={paymentField(id)}
        label={t('label.paymentMethod')}
        state={{ ...state, values }}
        t={t}
        hint={t('checkout.pay_hint', { minutes: pay.paymentMinutes })}
        options={pay.methods.map((m) => ({ value: m, label: t(`checkout.pay.${m}`) }))}
      />
      <TextArea
        name={noteField(id)}
        label={t('checkout.note')}
        state={state}
        t={t}
        rows={2}
        maxlength={NOTE_MAX}
      />
      <dl class="facts">
        <dt safe>{t('checkout.goods')}</dt>
        <dd safe>{money(ctx, shop.subtotal)}</dd>
        <dt safe>{t('checkout.shipping')}</dt>
        <dd safe>{money(ctx, shop.shippingFee)}</dd>
        <dt safe>{t('checkout.shop_total')}</dt>
        <dd>
          <strong safe>{money(ctx, shop.total)}</strong>
        </dd>
      </dl>
    </section>
  );
}

/**
 * The checkout: who receives and where, each shop's lines with its delivery method and fee,
 * payment method (one order per shop, each paid its own way) and note, optional invoice
 * details, and the totals. Without JavaScript the
 * fees follow a change of province or delivery method with the "update" button.
 */
export function CheckoutPage(p: CheckoutPageProps) {
  const { ctx, quote, state } = p;
  const { t } = ctx;
  const checked = (name: string) => ['on', 'true', '1', true].includes(state.values[name] as string);
  return (
    <Layout ctx={ctx} title={t('checkout.title')}>
      <BackLink href={CART_PAGE} label={t('checkout.back')} />
      <h1 safe>{t('checkout.title')}</h1>
      <Summary ctx={ctx} quote={quote} state={state} />
      <form method="post" action={CHECKOUT_PAGE} novalidate>
        <Csrf token={ctx.csrf()} />
        <input type="hidden" name="key" value={p.checkoutKey} />
        <input type="hidden" name="seen" value={seenValue(seenLines(quote))} />
        <fieldset class="group">
          <legend safe>{t('checkout.recipient')}</legend>
          <Field name="recipientName" state={state} t={t} required autocomplete="name" maxlength={100} />
          <Field name="phone" type="tel" state={state} t={t} required autocomplete="tel" />
        </fieldset>
        <AddressFields ctx={ctx} state={state} />
        {quote.shops.map((shop) => (
          <Shop
            ctx={ctx}
            shop={shop}
            state={state}
            methods={p.methods}
            defaultPayment={p.defaultPayment}
            paymentMinutes={p.paymentMinutes}
          />
        ))}
        <p>
          <button type="submit" name="_refresh" value="1" formnovalidate class="secondary" safe>
            {t('checkout.refresh')}
          </button>
        </p>
        <fieldset class="group">
          <legend safe>{t('checkout.invoice_group')}</legend>
          <div class="field">
            <label class="choice" for="f-invoice">
              <input type="checkbox" id="f-invoice" name="invoice" value="on" checked={checked('invoice')} />{' '}
              <span safe>{t('label.invoice')}</span>
            </label>
          </div>
          <Field name="companyName" state={state} t={t} autocomplete="organization" maxlength={200} />
          <Field name="taxCode" state={state} t={t} inputmode="numeric" maxlength={20} />
        </fieldset>
        <dl class="facts">
          <dt safe>{t('checkout.goods')}</dt>
          <dd safe>{money(ctx, quote.goods)}</dd>
          <dt safe>{t('checkout.shipping')}</dt>
          <dd safe>{money(ctx, quote.shipping)}</dd>
          <dt safe>{t('checkout.total')}</dt>
          <dd>
            <strong class="price big" safe>
              {money(ctx, quote.total)}
            </strong>
          </dd>
        </dl>
        {quote.ready ? (
          <p class="actions">
            <button type="submit" safe>
              {t('checkout.place')}
            </button>
          </p>
        ) : (
          <p class="notice warn">
            <span safe>{t('cart.fix_first')}</span>{' '}
            <a href={CART_PAGE} safe>
              {t('checkout.to_cart')}
            </a>
          </p>
        )}
      </form>
    </Layout>
  );
}
