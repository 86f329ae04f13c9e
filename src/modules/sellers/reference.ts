import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BanksObject } from 'vietnam-qr-pay';
import type { Locale, Translate } from '../../platform/http/i18n.js';
import type { SellerStatus } from './lifecycle.js';

const referenceDir = path.resolve(import.meta.dirname, '../../../data/reference');
const readJson = <T>(name: string): T => JSON.parse(readFileSync(path.join(referenceDir, name), 'utf8')) as T;

export const legalForms = ['individual', 'household', 'cooperative', 'company'] as const;
export type LegalForm = (typeof legalForms)[number];
/**
 * Natural persons (an individual, a household business): they may use their 12-digit personal
 * identification number as tax code (Circular 86/2024/TT-BTC) and register with the commune,
 * not in the national enterprise register.
 */
export const personalForms: readonly LegalForm[] = ['individual', 'household'];

/** Documents attached to an application; an OCOP certificate's scan is kept with the certificate. */
export const documentKinds = ['business_registration', 'citizen_id_front', 'citizen_id_back'] as const;
export type DocumentKind = (typeof documentKinds)[number];

interface Labelled<C> {
  code: C;
  vi: string;
  en: string;
}

/** Product categories a seller declares (data/reference/categories.json). */
export const categories = readJson<{ categories: Labelled<string>[] }>('categories.json').categories;
export const categoryCodes = categories.map((c) => c.code);

const ocop = readJson<{ groups: Labelled<number>[]; recognisedStars: number[] }>('ocop.json');
/** The six OCOP product groups and the star ratings that earn a certificate (Decision 148/QĐ-TTg). */
export const ocopGroups = ocop.groups;
export const ocopStars = ocop.recognisedStars;
export const OCOP_MAX = 3;

export interface Bank {
  bin: string;
  shortName: string;
  name: string;
}

/**
 * Banks a seller can be paid at: the VietQR (NAPAS) list, because buyers pay sellers by
 * VietQR bank transfer. Renamed banks keep their BIN; the old names (marked deprecated)
 * and members outside VietQR are left out, so each BIN appears once.
 */
export const banks: Bank[] = Object.values(
  BanksObject as Record<string, Bank & { vietQRStatus: number; deprecated?: boolean }>,
)
  .filter((b) => b.bin && b.vietQRStatus === 1 && !b.deprecated)
  .map(({ bin, shortName, name }) => ({ bin, shortName, name }))
  .sort((a, b) => a.shortName.localeCompare(b.shortName, 'vi'));

const bankByBin = new Map(banks.map((b) => [b.bin, b]));
export const bank = (bin: string | null | undefined) => (bin ? bankByBin.get(bin) : undefined);

// Labels, for this module's pages and for the officer console and storefront.
export const statusLabel = (t: Translate, s: SellerStatus) => t(`seller.status.${s}`);
export const legalFormLabel = (t: Translate, f: LegalForm) => t(`seller.legal_form.${f}`);
export const documentKindLabel = (t: Translate, k: string) => t(`seller.document.${k}`);
export const categoryLabel = (locale: Locale, code: string) =>
  categories.find((c) => c.code === code)?.[locale] ?? code;
export const ocopGroupLabel = (locale: Locale, code: number) =>
  ocopGroups.find((g) => g.code === code)?.[locale] ?? String(code);
export const bankLabel = (bin: string | null | undefined) => {
  const b = bank(bin);
  return b ? `${b.shortName} — ${b.name}` : (bin ?? '');
};
