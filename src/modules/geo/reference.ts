import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface Province {
  code: string;
  name: string;
  formedFrom: { code: string; name: string }[];
  communes: Commune[];
}
export interface Commune {
  code: string;
  name: string;
  provinceCode: string;
}

export const referenceDir = path.resolve(import.meta.dirname, '../../../data/reference');

/**
 * The 2025 administrative units, read once from the file shipped in data/reference.
 * They change only by law, with a new release of the app, so an in-process copy is
 * safe to share between instances.
 */
const raw = JSON.parse(readFileSync(path.join(referenceDir, 'admin-units-2025.json'), 'utf8')) as {
  provinces: {
    code: string;
    name: string;
    formedFrom: Province['formedFrom'];
    communes: { code: string; name: string }[];
  }[];
};

const collator = new Intl.Collator('vi');
export const provinces: Province[] = raw.provinces
  .map((p) => ({
    ...p,
    communes: p.communes
      .map((c) => ({ ...c, provinceCode: p.code }))
      .sort((a, b) => collator.compare(a.name, b.name)),
  }))
  .sort((a, b) =>
    collator.compare(a.name.replace(/^(Tỉnh|Thành phố) /, ''), b.name.replace(/^(Tỉnh|Thành phố) /, '')),
  );

const provinceByCode = new Map(provinces.map((p) => [p.code, p]));
const communeByCode = new Map(provinces.flatMap((p) => p.communes.map((c) => [c.code, c])));

export const province = (code: string | undefined | null) => (code ? provinceByCode.get(code) : undefined);
export const commune = (code: string | undefined | null) => (code ? communeByCode.get(code) : undefined);

/** "Phường Nha Trang, Tỉnh Khánh Hòa" style, street first when given. */
export function formatAddress(a: {
  street?: string | null;
  communeCode?: string | null;
  provinceCode?: string | null;
}) {
  return [a.street, commune(a.communeCode)?.name, province(a.provinceCode)?.name].filter(Boolean).join(', ');
}

/** Rows of the old-to-new commune mapping (10,599 pre-2025 communes). */
export function readSuccessions() {
  const text = readFileSync(path.join(referenceDir, 'admin-units-2025-old-to-new.csv'), 'utf8');
  return text
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [
        oldProvinceCode,
        oldProvinceName,
        oldCommuneCode,
        oldCommuneName,
        newProvinceCode,
        newCommuneCode,
      ] = line.split(',');
      return {
        oldProvinceCode,
        oldProvinceName,
        oldCommuneCode,
        oldCommuneName,
        newProvinceCode,
        newCommuneCode,
      };
    });
}

/** Two-digit codes of the 63 provinces before 2025: citizen ID numbers start with one of them. */
export const formerProvinceCodes = new Set(readSuccessions().map((r) => r.oldProvinceCode));
