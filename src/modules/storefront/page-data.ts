import type { Db } from '../../platform/db/pool.js';
import { vietnamDay } from '../../platform/http/i18n.js';
import { type CategoryFacets, catalogSummary, type Showcases, type Specialty, showcases } from './counts.js';
import { type Card, type ListQuery, listCards } from './listing.js';

/** What the home page and category pages show, read the same way for the pages and their JSON twins. */

export interface HomeData extends Showcases {
  specialties: Specialty[];
  counts: Map<string, number>;
}

export async function homeData(db: Db, provinceCode: string): Promise<HomeData> {
  const day = vietnamDay();
  const [shows, summary] = await Promise.all([
    showcases(db, provinceCode, day),
    catalogSummary(db, provinceCode, day),
  ]);
  return { ...shows, specialties: summary.specialties, counts: summary.counts };
}

/** Published products per category code (tops count their leaves). */
export async function categoryCounts(db: Db, provinceCode: string): Promise<Map<string, number>> {
  return (await catalogSummary(db, provinceCode, vietnamDay())).counts;
}

export interface CategoryData {
  items: Card[];
  next: string | null;
  counts: Map<string, number>;
  facets: CategoryFacets;
  /** The cached answers it was made from (web/shared-page.ts keeps pages with them). */
  sources: [object, ...object[]];
}

/** One page of a category (a top or a leaf) with its counts and filters; origin is a commune, or a province nationally. */
export async function categoryData(
  db: Db,
  code: string,
  q: ListQuery,
  provinceCode: string,
): Promise<CategoryData> {
  const day = vietnamDay();
  const national = provinceCode === '00';
  const [list, summary] = await Promise.all([
    listCards(db, {
      filter: {
        category: code,
        stars: q.stars,
        ...(national ? { province: q.origin } : { commune: q.origin }),
      },
      sort: q.sort,
      cursor: q.cursor,
      today: day,
    }),
    catalogSummary(db, provinceCode, day),
  ]);
  return { ...list, counts: summary.counts, facets: summary.facets(code), sources: [list, summary] };
}
