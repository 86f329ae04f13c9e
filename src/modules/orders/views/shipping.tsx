import { BackLink } from '../../../web/back-link.js';
import {
  Choices,
  Confirmation,
  Csrf,
  ErrorSummary,
  Field,
  type FormState,
  Submit,
} from '../../../web/forms.js';
import { Layout } from '../../../web/layout.js';
import type { PageCtx } from '../../../web/page.js';
import { ShopSwitch } from '../../../web/shop-switch.js';
import { formatAddress } from '../../geo/index.js';
import type { Seller } from '../../sellers/index.js';
import { type ShippingRule, shippingModes } from '../shipping.js';

export const SHIPPING_PAGE = '/kenh-ban-hang/giao-hang';

/** The form's values from a stored rule (amounts as digits, empty "free from" for never). */
export function ruleForm(rule: ShippingRule | undefined): FormState {
  if (!rule) return { values: { delivers: '', mode: 'flat', pickup: 'on' }, errors: [] };
  return {
    values: {
      delivers: rule.delivers ? 'on' : '',
      mode: rule.mode,
      baseFee: String(rule.baseFee),
      perKgFee: String(rule.perKgFee),
      insideFee: String(rule.insideFee),
      outsideFee: String(rule.outsideFee),
      freeFrom: rule.freeFrom === null ? '' : String(rule.freeFrom),
      pickup: rule.pickup ? 'on' : '',
      pickupAddress: rule.pickupAddress,
    },
    errors: [],
  };
}

function Check({ ctx, state, name }: { ctx: PageCtx; state: FormState; name: string }) {
  const checked = ['on', 'true', '1', true].includes(state.values[name] as string);
  return (
    <div class="field">
      <label class="choice" for={`f-${name}`}>
        <input type="checkbox" id={`f-${name}`} name={name} value="on" checked={checked} />{' '}
        <span safe>{ctx.t(`label.${name}`)}</span>
      </label>
    </div>
  );
}

/** The seller centre's delivery settings of one shop: delivery with its fee rule, and pick-up. */
export function ShippingPage(p: {
  ctx: PageCtx;
  seller: Seller;
  shops: Seller[];
  rule: ShippingRule | undefined;
  state: FormState;
  saved?: boolean;
}) {
  const { ctx, seller, state } = p;
  const { t } = ctx;
  const address = formatAddress(seller);
  const money = (name: string, hint = t('shipping.fee_hint')) => (
    <Field name={name} state={state} t={t} inputmode="numeric" hint={hint} maxlength={20} />
  );
  return (
    <Layout ctx={ctx} title={t('shipping.title')}>
      <BackLink href="/kenh-ban-hang" label={t('shipping.back')} />
      <h1 safe>{t('shipping.title')}</h1>
      <Confirmation text={p.saved && t('shipping.saved')} />
      <ShopSwitch
        seller={seller}
        shops={p.shops}
        action={SHIPPING_PAGE}
        label={t('shipping.shop')}
        submit={t('shipping.choose_shop')}
      />
      <p safe>{t('shipping.intro')}</p>
      {p.rule ? (
        ''
      ) : (
        <p class="notice" safe>
          {t('shipping.none', { address })}
        </p>
      )}
      <ErrorSummary state={state} t={t} />
      <form method="post" action={SHIPPING_PAGE} novalidate>
        <Csrf token={ctx.csrf()} />
        <input type="hidden" name="sellerId" value={seller.id} />
        <fieldset class="group">
          <legend safe>{t('shipping.delivery')}</legend>
          <Check ctx={ctx} state={state} name="delivers" />
          <Choices
            name="mode"
            state={state}
            t={t}
            options={shippingModes.map((m) => ({ value: m, label: t(`shipping.mode.${m}`) }))}
          />
          {money('baseFee')}
          {money('perKgFee', t('shipping.weight_hint'))}
          {money('insideFee')}
          {money('outsideFee')}
          {money('freeFrom', t('shipping.free_hint'))}
        </fieldset>
        <fieldset class="group">
          <legend safe>{t('shipping.pickup_group')}</legend>
          <Check ctx={ctx} state={state} name="pickup" />
          <Field
            name="pickupAddress"
            state={state}
            t={t}
            maxlength={300}
            hint={t('shipping.pickup_hint', { address })}
          />
        </fieldset>
        <Submit label={t('form.save')} />
      </form>
    </Layout>
  );
}

export function NoShopPage({ ctx }: { ctx: PageCtx }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('shipping.title')}>
      <h1 safe>{t('shipping.title')}</h1>
      <p safe>{t('shipping.no_shop')}</p>
      <p>
        <a href="/kenh-ban-hang/dang-ky" safe>
          {t('shipping.register')}
        </a>
      </p>
    </Layout>
  );
}
