import type { Db } from '../../platform/db/pool.js';
import { type CategoryFacets, catalogSummary, type Showcases, type Specialty, showcases } from './counts.js';
import { type Card, type ListQuery, listCards } from './listing.js';
import { today } from './today.js';

/** What the home page and category pages show, read the same way for the pages and their JSON twins. */

export interface HomeData extends Showcases {
  specialties: Specialty[];
  counts: Map<string, number>;
}

export async function homeData(db: Db, provinceCode: string): Promise<HomeData> {
  const day = today();
  const [shows, summary] = await Promise.all([
    showcases(db, provinceCode, day),
    catalogSummary(db, provinceCode, day),
  ]);
  return { ...shows, specialties: summary.specialties, counts: summary.counts };
}

/** Published products per category code (tops count their leaves). */
export async function categoryCounts(db: Db, provinceCode: string): Promise<Map<string, number>> {
  return (await catalogSummary(db, provinceCode, today())).counts;
}

export interface CategoryData {
  items: Card[];
  next: string | null;
  counts: Map<string, number>;
  facets: CategoryFacets;
}

/** One page of a category (a top or a leaf) with its counts and filters; origin is a commune, or a province nationally. */
export async function categoryData(
  db: Db,
  code: string,
  q: ListQuery,
  provinceCode: string,
): Promise<CategoryData> {
  const day = today();
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
  return { ...list, counts: summary.counts, facets: summary.facets(code) };
}
