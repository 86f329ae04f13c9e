import type { Db } from '../../platform/db/pool.js';
import { vietnamDay } from '../../platform/http/i18n.js';
import type { PageCtx } from '../../web/page.js';
import { publicStates } from '../sellers/index.js';
import { type Card, listCards } from './listing.js';
import { read } from './read.js';
import { ProductCards } from './views/parts.js';

export type ShopList = { items: Card[]; next: string | null };

/** A shop's published products, newest first, one keyset page after `cursor`. */
export function shopProducts(db: Db, sellerId: string, cursor?: string): Promise<ShopList> {
  return listCards(db, { filter: { sellerId }, sort: 'newest', cursor, today: vietnamDay() });
}

/** The id of a shop the public may see (approved or suspended), by its slug. */
export async function publicShopId(db: Db, slug: string): Promise<string | undefined> {
  const [row] = await read<{ id: string }>(
    db,
    'SELECT id FROM sellers WHERE slug = $1 AND status::text = ANY($2::text[])',
    [slug, publicStates],
  );
  return row?.id;
}

/** The products section of a shop page: cards and a "show more" link to the next keyset page. */
export function ShopProducts({ ctx, list, shopPath }: { ctx: PageCtx; list: ShopList; shopPath: string }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="products">
      <h2 id="products" safe>
        {t('store.shop_products')}
      </h2>
      {list.items.length ? <ProductCards ctx={ctx} items={list.items} /> : <p safe>{t('store.empty')}</p>}
      {list.next ? (
        <p>
          <a
            class="button secondary"
            rel="next"
            href={`${shopPath}?cursor=${encodeURIComponent(list.next)}`}
            safe
          >
            {t('store.more')}
          </a>
        </p>
      ) : (
        ''
      )}
    </section>
  );
}
