import { Field, type FormState, fieldError, Select } from '../../web/forms.js';
import type { PageCtx } from '../../web/page.js';
import { province, provinces } from './reference.js';

/**
 * Province, then commune, then street. Without JavaScript the commune list is refreshed by
 * the "update list" button, which posts the form back with `_refresh` and keeps every answer;
 * with JavaScript (app.js) it follows the province at once.
 */
export function AddressFields({ ctx, state }: { ctx: PageCtx; state: FormState }) {
  const { t } = ctx;
  const chosen = province(String(state.values.provinceCode ?? '')) ?? province(ctx.instance.provinceCode);
  const values = { ...state.values, provinceCode: chosen?.code ?? '' };
  const s = { ...state, values };
  return (
    <fieldset class="group">
      <legend safe>{t('address.legend')}</legend>
      <Select
        name="provinceCode"
        state={s}
        t={t}
        required
        options={provinces.map((p) => ({ value: p.code, label: p.name }))}
        attrs={{ 'data-communes': 'f-communeCode' }}
      />
      <p class="nojs-only">
        <button type="submit" name="_refresh" value="1" formnovalidate class="secondary" safe>
          {t('address.refresh')}
        </button>
      </p>
      <Select
        name="communeCode"
        state={s}
        t={t}
        required
        hint={fieldError(s, 'communeCode') ? undefined : t('address.commune_hint')}
        options={(chosen?.communes ?? []).map((c) => ({ value: c.code, label: c.name }))}
      />
      <Field
        name="street"
        state={s}
        t={t}
        required
        autocomplete="street-address"
        hint={t('address.street_hint')}
      />
    </fieldset>
  );
}
