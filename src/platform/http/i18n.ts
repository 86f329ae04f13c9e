export const locales = ['vi', 'en'] as const;
export type Locale = (typeof locales)[number];
export type Messages = Record<string, string>;
export type Translate = (key: string, params?: Record<string, string | number>) => string;

const catalogs: Record<Locale, Messages> = { vi: {}, en: {} };

/**
 * Each module registers its own texts, Vietnamese first. Keys are namespaced by module
 * (`seller.tax_code.invalid`); a key missing in English falls back to Vietnamese.
 */
export function addMessages(m: { vi: Messages; en: Partial<Messages> }): void {
  Object.assign(catalogs.vi, m.vi);
  Object.assign(catalogs.en, m.en);
}

export function translate(locale: Locale, key: string, params?: Record<string, string | number>): string {
  const text = catalogs[locale][key] ?? catalogs.vi[key] ?? key;
  return params ? text.replace(/\{(\w+)\}/g, (_, p) => String(params[p] ?? `{${p}}`)) : text;
}

export function translator(locale: Locale): Translate {
  return (key, params) => translate(locale, key, params);
}

export function isLocale(v: unknown): v is Locale {
  return locales.includes(v as Locale);
}

/** `?lang=` first, then the `lang` cookie, then Accept-Language; Vietnamese by default. */
export function pickLocale(
  query: unknown,
  cookie: string | undefined,
  acceptLanguage: string | undefined,
): Locale {
  const q = (query as { lang?: unknown } | undefined)?.lang;
  if (isLocale(q)) return q;
  if (isLocale(cookie)) return cookie;
  const first = acceptLanguage?.split(',')[0]?.trim().slice(0, 2).toLowerCase();
  return first === 'en' ? 'en' : 'vi';
}

/**
 * Dates and money as Vietnamese readers expect them, in Asia/Ho_Chi_Minh. Intl formatters
 * are costly to make (a tenth of a millisecond each) and pages format dozens of values:
 * one of each kind is made and kept.
 */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function formatter<F extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => F): F {
  let f = formatters.get(key) as F | undefined;
  if (!f) {
    f = make();
    formatters.set(key, f);
  }
  return f;
}

/** The calendar day in Viet Nam (yyyy-mm-dd) of an instant: the day deadlines and validity are judged on. */
export function vietnamDay(now: Date = new Date()): string {
  return formatter('day', () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' })).format(
    now,
  );
}

export function formatDate(d: Date | string | null | undefined, locale: Locale, withTime = false): string {
  if (!d) return '';
  const date = typeof d === 'string' ? new Date(d) : d;
  return formatter(
    `date|${locale}|${withTime}`,
    () =>
      new Intl.DateTimeFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', {
        timeZone: 'Asia/Ho_Chi_Minh',
        day: '2-digit',
        month: '2-digit',
        year: 'numeric',
        ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}),
      }),
  ).format(date);
}

export function formatMoney(dong: bigint | number, locale: Locale): string {
  return `${formatter(`money|${locale}`, () => new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-US')).format(dong)} ₫`;
}
