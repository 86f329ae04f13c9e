import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Config, ConfigError } from '../../config.js';
import type { Db, Executor } from '../../platform/db/pool.js';
import type { Instance } from '../../web/page.js';
import { commune, province, provinces, readSuccessions } from './reference.js';
import { communeSuccessions, communes, provinces as provincesTable } from './schema.js';

/**
 * Loads the reference data into its tables (for joins, reports and SQL users) when the
 * tables do not match the shipped files. Idempotent and cheap when already loaded.
 */
export async function loadReferenceData(db: Db): Promise<void> {
  const expectedCommunes = provinces.reduce((n, p) => n + p.communes.length, 0);
  const [counts] = (
    await db.execute<{ p: number; c: number; s: number }>(sql`SELECT
      (SELECT count(*)::int FROM provinces) AS p, (SELECT count(*)::int FROM communes) AS c,
      (SELECT count(*)::int FROM commune_successions) AS s`)
  ).rows;
  const successions = readSuccessions();
  if (counts.p === provinces.length && counts.c === expectedCommunes && counts.s === successions.length)
    return;
  await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(727003)`);
    await tx
      .insert(provincesTable)
      .values(provinces.map((p) => ({ code: p.code, name: p.name, formedFrom: p.formedFrom })))
      .onConflictDoUpdate({
        target: provincesTable.code,
        set: { name: sql`excluded.name`, formedFrom: sql`excluded.formed_from` },
      });
    const all = provinces.flatMap((p) => p.communes);
    for (let i = 0; i < all.length; i += 1000) {
      await tx
        .insert(communes)
        .values(all.slice(i, i + 1000))
        .onConflictDoUpdate({
          target: communes.code,
          set: { name: sql`excluded.name`, provinceCode: sql`excluded.province_code` },
        });
    }
    await tx.delete(communeSuccessions);
    for (let i = 0; i < successions.length; i += 1000) {
      await tx.insert(communeSuccessions).values(successions.slice(i, i + 1000));
    }
  });
}

/** The instance's identity: its province and operating agency, from config and the 2025 units. */
export function instanceInfo(config: Config): Instance {
  const national = config.provinceCode === '00';
  const p = province(config.provinceCode);
  if (!p && !national) {
    throw new ConfigError(
      `Invalid configuration:\n  PROVINCE_CODE: ${config.provinceCode} is not a province of the 2025 units (e.g. 56 Khánh Hòa, 48 Đà Nẵng; 00 for the national level)`,
    );
  }
  // "Tỉnh Khánh Hòa" reads "tỉnh Khánh Hòa" inside a sentence.
  const inSentence = p ? p.name.replace(/^Tỉnh/, 'tỉnh').replace(/^Thành phố/, 'thành phố') : '';
  return {
    name:
      config.instanceName ??
      (national ? 'Sàn thương mại điện tử quốc gia' : `Sàn thương mại điện tử ${inSentence}`),
    provinceCode: config.provinceCode,
    provinceName: p?.name ?? 'Việt Nam',
    operator: {
      name: config.operator.name ?? (national ? 'Bộ Công Thương' : `Sở Công Thương ${inSentence}`),
      address: config.operator.address,
      phone: config.operator.phone,
      email: config.operator.email,
    },
  };
}

/** An address in the 2025 units: province, then a commune of that province, then the street. */
export const addressFields = {
  provinceCode: z.string('v.choose').refine((c) => !!province(c), 'address.province'),
  communeCode: z.string('v.choose').min(1, 'v.choose'),
  street: z.string('v.required').trim().min(3, 'address.street').max(200, 'v.too_long'),
};

/** Add to an object schema holding addressFields: the commune must belong to the province. */
export function communeInProvince(
  v: { provinceCode: string; communeCode: string },
  ctx: z.RefinementCtx,
): void {
  const c = commune(v.communeCode);
  if (v.communeCode && (!c || c.provinceCode !== v.provinceCode)) {
    ctx.addIssue({ code: 'custom', path: ['communeCode'], message: 'address.commune' });
  }
}

/** A pre-2025 commune and the 2025 commune(s) it became part of (several when it was split). */
export async function successorsOf(db: Executor, oldCommuneCode: string) {
  const rows = await db
    .select()
    .from(communeSuccessions)
    .where(eq(communeSuccessions.oldCommuneCode, oldCommuneCode));
  if (!rows.length) return undefined;
  const r = rows[0];
  return {
    former: {
      code: r.oldCommuneCode,
      name: r.oldCommuneName,
      province: { code: r.oldProvinceCode, name: r.oldProvinceName },
    },
    successors: rows.map((x) => ({
      code: x.newCommuneCode,
      name: commune(x.newCommuneCode)?.name ?? x.newCommuneCode,
      province: { code: x.newProvinceCode, name: province(x.newProvinceCode)?.name ?? x.newProvinceCode },
    })),
  };
}
