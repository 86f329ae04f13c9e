import type { Translate } from '../../../platform/http/i18n.js';
import { emptyForm, Field, Select } from '../../../web/forms.js';
import type { PageCtx } from '../../../web/page.js';
import { province, provinces } from '../../geo/index.js';
import type { QueueFilters, RegistryFilters } from '../console-service.js';
import type { SellerStatus } from '../lifecycle.js';
import { legalFormLabel, statusLabel } from '../reference.js';
import { legalForm } from '../schema.js';

export function StatusBadge({ t, status }: { t: Translate; status: SellerStatus }) {
  return (
    <span class={`badge ${status}`} safe>
      {statusLabel(t, status)}
    </span>
  );
}

/** The three sections of the console, the current one marked. */
export function ConsoleNav({ ctx, current }: { ctx: PageCtx; current: 'home' | 'queue' | 'registry' }) {
  const links: [typeof current, string][] = [
    ['home', '/quan-ly'],
    ['queue', '/quan-ly/ho-so'],
    ['registry', '/quan-ly/nguoi-ban'],
  ];
  return (
    <nav aria-label={ctx.t('console.nav')} class="actions">
      {links.map(([key, href]) => (
        <a href={href} aria-current={key === current ? 'page' : undefined} safe>
          {ctx.t(`console.nav.${key}`)}
        </a>
      ))}
    </nav>
  );
}

/** Query string of a list's filters (empty ones left out), for links that keep them. */
export function filterQuery(
  f: QueueFilters | RegistryFilters,
  extra: Record<string, string | number> = {},
): string {
  const q = new URLSearchParams();
  const all: Record<string, unknown> = { ...f, page: undefined, ...extra };
  for (const [k, v] of Object.entries(all)) {
    if (v !== undefined && v !== '' && !(k === 'page' && v === 1)) q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

/**
 * The filters as a plain GET form, so they work without JavaScript and a filtered list has
 * its own address. A national instance filters by province first, then commune.
 */
export function FilterForm(p: {
  ctx: PageCtx;
  action: string;
  filters: QueueFilters | RegistryFilters;
  states: readonly SellerStatus[];
  /** Whether "all states" is a choice (the registry), or one state is always chosen (the queue). */
  allStates: boolean;
  hint: string;
}) {
  const { t } = p.ctx;
  const home = province(p.ctx.instance.provinceCode);
  const chosenProvince = home ?? province(p.filters.province);
  const state = emptyForm({ ...p.filters });
  const choose = (
    name: 'legalForm' | 'province' | 'commune',
    options: { value: string; label: string }[],
  ) => (
    <Select
      name={name}
      state={state}
      t={t}
      label={t(`console.filter.${name}`)}
      placeholder={t('console.filter.all')}
      options={options}
    />
  );
  return (
    <form method="get" action={p.action} class="filters" aria-label={t('console.filter.legend')}>
      <div class="field">
        <label for="f-state" safe>
          {t('console.filter.state')}
        </label>
        <select id="f-state" name="state">
          {p.allStates ? (
            <option value="" safe>
              {t('console.filter.all')}
            </option>
          ) : (
            ''
          )}
          {p.states.map((s) => (
            <option value={s} selected={s === p.filters.state} safe>
              {statusLabel(t, s)}
            </option>
          ))}
        </select>
      </div>
      {choose(
        'legalForm',
        legalForm.enumValues.map((f) => ({ value: f, label: legalFormLabel(t, f) })),
      )}
      {home
        ? ''
        : choose(
            'province',
            provinces.map((x) => ({ value: x.code, label: x.name })),
          )}
      {chosenProvince
        ? choose(
            'commune',
            chosenProvince.communes.map((c) => ({ value: c.code, label: c.name })),
          )
        : ''}
      <Field
        name="q"
        state={state}
        t={t}
        type="search"
        label={t('console.filter.q')}
        hint={p.hint}
        maxlength={100}
      />
      <p class="actions">
        <button type="submit" safe>
          {t('console.filter.submit')}
        </button>
        <a class="button secondary" href={p.action} safe>
          {t('console.filter.reset')}
        </a>
      </p>
    </form>
  );
}
