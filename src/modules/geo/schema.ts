import { index, jsonb, pgTable, text } from 'drizzle-orm/pg-core';

/** Provinces in force from 1 July 2025 (34), with the former provinces each was formed from. */
export const provinces = pgTable('provinces', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  formedFrom: jsonb('formed_from').$type<{ code: string; name: string }[]>().notNull(),
});

/** Communes in force from 1 July 2025 (3,321: xã, phường, đặc khu). */
export const communes = pgTable(
  'communes',
  {
    code: text('code').primaryKey(),
    provinceCode: text('province_code')
      .notNull()
      .references(() => provinces.code),
    name: text('name').notNull(),
  },
  (t) => [index('communes_province_idx').on(t.provinceCode)],
);

/** Every pre-2025 commune and the new commune(s) it now belongs to, for converting old addresses. */
export const communeSuccessions = pgTable(
  'commune_successions',
  {
    oldProvinceCode: text('old_province_code').notNull(),
    oldProvinceName: text('old_province_name').notNull(),
    oldCommuneCode: text('old_commune_code').notNull(),
    oldCommuneName: text('old_commune_name').notNull(),
    newProvinceCode: text('new_province_code').notNull(),
    newCommuneCode: text('new_commune_code').notNull(),
  },
  (t) => [index('commune_successions_old_idx').on(t.oldCommuneCode)],
);
