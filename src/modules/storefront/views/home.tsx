import type { Children } from '@kitajs/html';
import { Layout } from '../../../web/layout.js';
import type { PageCtx } from '../../../web/page.js';
import { categoryName, productCategories } from '../../catalog/index.js';
import { commune, province } from '../../geo/index.js';
import type { HomeData } from '../page-data.js';
import { categoryPath, countText, ProductCards, SearchBox } from './parts.js';

function Section({ id, title, children }: { id: string; title: string; children: Children }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id} safe>
        {title}
      </h2>
      {children}
    </section>
  );
}

/**
 * The marketplace's front page: search, the province's valid OCOP and key products, the
 * categories with their counts, and where the specialities come from, commune by commune
 * (each a link to the search filtered on that commune).
 */
export function HomePage({ ctx, data }: { ctx: PageCtx; data: HomeData }) {
  const { t, instance, locale } = ctx;
  const national = instance.provinceCode === '00';
  const empty = !data.ocop.length && !data.key.length && !data.specialties.length;
  return (
    <Layout ctx={ctx} title={t('home.title')}>
      <h1 safe>{instance.name}</h1>
      <p safe>{t('home.lead', { province: instance.provinceName })}</p>
      <SearchBox ctx={ctx} />
      {empty ? (
        <p class="muted" safe>
          {t('home.empty')}
        </p>
      ) : (
        ''
      )}
      {data.ocop.length ? (
        <Section id="ocop" title={t('home.ocop')}>
          <ProductCards ctx={ctx} items={data.ocop} eager={2} />
        </Section>
      ) : (
        ''
      )}
      {data.key.length ? (
        <Section id="key" title={t('home.key')}>
          <ProductCards ctx={ctx} items={data.key} />
        </Section>
      ) : (
        ''
      )}
      <Section id="categories" title={t('home.categories')}>
        <ul class="chips">
          {productCategories.map((c) => (
            <li>
              <a href={categoryPath(c.code)} safe>
                {`${c[locale]} (${countText(ctx, data.counts.get(c.code) ?? 0, false)})`}
              </a>
            </li>
          ))}
        </ul>
      </Section>
      {data.specialties.length ? (
        <Section id="specialties" title={t('home.specialties')}>
          <p safe>{t('home.specialties_lead', { province: instance.provinceName })}</p>
          <ul class="places">
            {data.specialties.map((s) => {
              const place = national ? province(s.code)?.name : commune(s.code)?.name;
              const href = `/tim-kiem?${national ? 'province' : 'commune'}=${encodeURIComponent(s.code)}`;
              return (
                <li>
                  <a href={href} safe>
                    {place ?? s.code}
                  </a>{' '}
                  <span safe>
                    {`${s.categories.map((c) => categoryName(c, locale)).join('; ')} (${countText(ctx, s.count)})`}
                  </span>
                </li>
              );
            })}
          </ul>
        </Section>
      ) : (
        ''
      )}
      <p class="notice">
        <span safe>{t('home.sell')}</span>{' '}
        <a href="/kenh-ban-hang/dang-ky" safe>
          {t('home.sell_cta')}
        </a>
      </p>
    </Layout>
  );
}
