import { Choices, Csrf, ErrorSummary, Field, type FormState, Select, TextArea } from '../../../web/forms.js';
import type { PageCtx } from '../../../web/page.js';
import { province, provinces } from '../../geo/index.js';
import { rowsOf } from '../form-values.js';
import { MAX_VARIANTS } from '../input.js';
import { certifications, ocopGroups, ocopStars, productCategories, units } from '../reference.js';

/**
 * The product form's fields are keyed `product.<name>` (ids, labels, errors) so that their
 * labels never clash with another form's; the posted names stay the API's names.
 */
export function keyed(state: FormState): FormState {
  const field = (f: string) =>
    f === '_' ? f : `product.${f.replace(/^certifications\.\d+$/, 'certifications')}`;
  return { values: state.values, errors: state.errors.map((e) => ({ ...e, field: field(e.field) })) };
}

type P = { ctx: PageCtx; state: FormState };

function VariantRow({ ctx, state, i, locked }: P & { i: number; locked: boolean }) {
  const { t } = ctx;
  const short = (k: string) => t(`label.product.variants.${i}.${k}`).replace(/^.+? – /, '');
  const f = (k: string, extra: Record<string, unknown> = {}) => (
    <Field
      name={`variants.${i}.${k}`}
      field={`product.variants.${i}.${k}`}
      label={short(k)}
      state={state}
      t={t}
      {...extra}
    />
  );
  const id = state.values[`variants.${i}.id`];
  return (
    <fieldset class="group variant">
      <legend safe>{t('catalog.form.variant', { n: i + 1 })}</legend>
      {id ? <input type="hidden" name={`variants.${i}.id`} value={String(id)} /> : ''}
      {f('name', { maxlength: 60 })}
      {f('sku', { maxlength: 40, hint: t('catalog.form.sku_hint') })}
      {f('price', { inputmode: 'numeric', hint: t('catalog.form.price_hint') })}
      {f('compareAtPrice', { inputmode: 'numeric' })}
      {locked ? (
        <p class="hint" safe>
          {t('catalog.form.stock_locked', { stock: String(state.values[`variants.${i}.stock`] ?? 0) })}
        </p>
      ) : (
        f('stock', { inputmode: 'numeric' })
      )}
    </fieldset>
  );
}

/** Create and edit form of a product: works without JavaScript (rows and communes refresh by posting back). */
export function ProductForm({
  ctx,
  state,
  action,
  sellerId,
  ocopFileUrl,
}: P & { action: string; sellerId?: string; ocopFileUrl?: string }) {
  const { t, locale } = ctx;
  const s = keyed(state);
  const rows = rowsOf(state.values);
  const chosen =
    province(String(state.values.originProvinceCode ?? '')) ?? province(ctx.instance.provinceCode);
  const v = { ...s, values: { ...s.values, originProvinceCode: chosen?.code ?? '' } };
  const field = (name: string) => ({ name, field: `product.${name}`, state: v, t });
  return (
    <form method="post" action={action} enctype="multipart/form-data" novalidate>
      <ErrorSummary state={s} t={t} />
      <Csrf token={ctx.csrf()} />
      {sellerId ? <input type="hidden" name="sellerId" value={sellerId} /> : ''}
      <input type="hidden" name="_rows" value={String(rows)} />
      <fieldset class="group">
        <legend safe>{t('catalog.form.general')}</legend>
        <Field {...field('name')} required maxlength={150} />
        <Select
          {...field('category')}
          required
          options={productCategories.flatMap((top) =>
            top.children.map((leaf) => ({ value: leaf.code, label: `${top[locale]} › ${leaf[locale]}` })),
          )}
        />
        <Select
          {...field('unit')}
          required
          options={units.map((u) => ({ value: u.code, label: locale === 'vi' ? u.vi : `${u.vi} (${u.en})` }))}
        />
        <Field {...field('weightGrams')} inputmode="numeric" hint={t('catalog.form.weight_hint')} />
        <TextArea
          {...field('description')}
          rows={8}
          maxlength={10000}
          hint={t('catalog.form.description_hint')}
        />
        <div class="field">
          <label class="choice" for="f-product.isKeyProduct">
            <input
              type="checkbox"
              id="f-product.isKeyProduct"
              name="isKeyProduct"
              value="on"
              checked={['on', 'true', '1', true].includes(state.values.isKeyProduct as string)}
            />{' '}
            <span safe>{t('label.product.isKeyProduct')}</span>
          </label>
        </div>
      </fieldset>
      <fieldset class="group">
        <legend safe>{t('catalog.form.origin')}</legend>
        <Select
          {...field('originProvinceCode')}
          required
          options={provinces.map((p) => ({ value: p.code, label: p.name }))}
          attrs={{ 'data-communes': 'f-product.originCommuneCode' }}
        />
        <p class="nojs-only">
          <button type="submit" name="_refresh" value="1" formnovalidate class="secondary" safe>
            {t('address.refresh')}
          </button>
        </p>
        <Select
          {...field('originCommuneCode')}
          options={(chosen?.communes ?? []).map((c) => ({ value: c.code, label: c.name }))}
        />
      </fieldset>
      <fieldset class="group">
        <legend safe>{t('catalog.form.variants')}</legend>
        <p class="hint" safe>
          {t('catalog.form.variants_hint', { max: MAX_VARIANTS })}
        </p>
        {Array.from({ length: rows }, (_, i) => (
          <VariantRow ctx={ctx} state={s} i={i} locked={!!state.values[`variants.${i}.id`]} />
        ))}
        {rows < MAX_VARIANTS ? (
          <p>
            <button type="submit" name="_more" value="1" formnovalidate class="secondary" safe>
              {t('catalog.form.more_rows')}
            </button>
          </p>
        ) : (
          ''
        )}
      </fieldset>
      <fieldset class="group">
        <legend safe>{t('catalog.form.ocop')}</legend>
        <p class="hint" safe>
          {t('catalog.form.ocop_hint')}
        </p>
        <Select
          {...field('ocopGroup')}
          options={ocopGroups.map((g) => ({ value: String(g.code), label: `${g.code}. ${g[locale]}` }))}
        />
        <Select
          {...field('ocopStars')}
          options={ocopStars.map((n) => ({ value: String(n), label: t('catalog.stars', { n }) }))}
        />
        <Field {...field('ocopCertificateNo')} maxlength={60} />
        <Field {...field('ocopIssuedOn')} type="date" />
        {state.values.ocopFileId ? (
          <p>
            <input type="hidden" name="ocopFileId" value={String(state.values.ocopFileId)} />
            {ocopFileUrl ? (
              <a href={ocopFileUrl} safe>
                {t('catalog.form.ocop_file_current')}
              </a>
            ) : (
              <span safe>{t('catalog.form.ocop_file_kept')}</span>
            )}
          </p>
        ) : (
          ''
        )}
        <Field {...field('ocopFile')} type="file" hint={t('catalog.form.ocop_file_hint')} />
      </fieldset>
      <fieldset class="group">
        <legend safe>{t('catalog.form.quality')}</legend>
        <Choices
          {...field('certifications')}
          multiple
          options={certifications.map((c) => ({ value: c.code, label: c[locale] }))}
        />
        <Field {...field('shelfLifeDays')} inputmode="numeric" />
        <TextArea {...field('storage')} rows={3} maxlength={500} />
      </fieldset>
      <p class="actions">
        <button type="submit" safe>
          {t('form.save')}
        </button>
      </p>
    </form>
  );
}
