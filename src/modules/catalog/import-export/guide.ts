import type ExcelJS from 'exceljs';
import type { Locale, Translate } from '../../../platform/http/i18n.js';
import { province, provinces } from '../../geo/index.js';
import { certifications, ocopGroups, ocopStars, productCategories, units } from '../reference.js';
import { columns, heading } from './columns.js';
import type { ExportRow } from './service.js';

/**
 * A product with two variants, filled in as a seller would: a price with dots, one with spaces,
 * a day/month/year date. The guide shows it, and a test imports it, so it stays valid.
 */
export function exampleRows(provinceCode: string): ExportRow[] {
  const p = province(provinceCode) ?? provinces[0];
  return [
    {
      productKey: 'YS-HONNOI',
      name: 'Yến sào tinh chế Hòn Nội',
      variantName: 'Hộp 50 g',
      sku: 'YS-50',
      price: '1.250.000',
      compareAtPrice: '1.400.000',
      stock: 10,
      category: 'food.bird_nest',
      unit: 'hộp',
      weightGrams: 100,
      originProvinceCode: p.code,
      originCommuneCode: p.communes[0].code,
      description: 'Tổ yến đảo Hòn Nội, làm sạch lông bằng tay.',
      isKeyProduct: 'x',
      ocopGroup: 1,
      ocopStars: 4,
      ocopCertificateNo: '125/QĐ-UBND',
      ocopIssuedOn: '15/03/2024',
      certifications: 'haccp, iso22000',
      shelfLifeDays: 730,
      storage: 'Nơi khô ráo, thoáng mát.',
    },
    { productKey: 'YS-HONNOI', variantName: 'Hộp 100 g', sku: 'YS-100', price: '2 400 000', stock: 5 },
  ];
}

const INTRO_LINES = 8;

/** The "Hướng dẫn" sheet: what each column holds, the example, and every code a column accepts. */
export function addGuideSheet(
  wb: ExcelJS.Workbook,
  t: Translate,
  locale: Locale,
  provinceCode: string,
): void {
  const ws = wb.addWorksheet(t('catalog.import.sheet.guide'));
  ws.columns = [{ width: 28 }, { width: 12 }, { width: 70 }, { width: 30 }];
  const bold = (row: ExcelJS.Row) => {
    row.font = { bold: true };
  };
  const section = (title: string) => {
    ws.addRow([]);
    bold(ws.addRow([title]));
  };
  const title = ws.addRow([t('catalog.import.guide.title')]);
  title.font = { bold: true, size: 14 };
  for (let i = 1; i <= INTRO_LINES; i++) ws.addRow([t(`catalog.import.guide.intro.${i}`)]);

  section(t('catalog.import.guide.columns'));
  bold(
    ws.addRow([
      t('catalog.import.guide.column'),
      t('catalog.import.guide.required'),
      t('catalog.import.guide.how'),
      t('catalog.import.guide.example'),
    ]),
  );
  const [first, second] = exampleRows(provinceCode);
  for (const c of columns) {
    const row = ws.addRow([
      heading(c, t),
      c.required ? t('catalog.import.guide.yes') : '',
      t(`catalog.import.help.${c.key}`),
      String(first[c.key] ?? ''),
    ]);
    row.alignment = { wrapText: true, vertical: 'top' };
  }

  section(t('catalog.import.guide.example_title'));
  bold(ws.addRow(columns.map((c) => heading(c, t))));
  for (const r of [first, second]) ws.addRow(columns.map((c) => r[c.key] ?? null));

  section(t('catalog.import.guide.categories'));
  for (const top of productCategories)
    for (const leaf of top.children) ws.addRow([leaf.code, leaf[locale], top[locale]]);
  section(t('catalog.import.guide.units'));
  for (const u of units) ws.addRow([u.code, u[locale]]);
  section(t('catalog.import.guide.ocop_groups'));
  for (const g of ocopGroups) ws.addRow([g.code, g[locale]]);
  section(t('catalog.import.guide.ocop_stars'));
  ws.addRow([ocopStars.join(', ')]);
  section(t('catalog.import.guide.certifications'));
  for (const c of certifications) ws.addRow([c.code, c[locale]]);
  section(t('catalog.import.guide.provinces'));
  for (const p of provinces) ws.addRow([p.code, p.name]);
  const home = province(provinceCode);
  if (home) {
    section(t('catalog.import.guide.communes', { province: home.name }));
    for (const c of home.communes) ws.addRow([c.code, c.name]);
  }
  ws.addRow([]);
  ws.addRow([t('catalog.import.guide.other_communes')]);
}
