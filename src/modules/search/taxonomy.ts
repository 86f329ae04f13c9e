import type { Locale } from '../../platform/http/i18n.js';
import { categoryName, productCategories } from '../catalog/index.js';
import type { CategoryNames } from './engine.js';

/**
 * The catalog's product taxonomy, as search needs it. Read on first use, not at load: the
 * catalog writes search documents through this module, so the two import each other.
 */
let names: CategoryNames | undefined;
export function categoryNames(): CategoryNames {
  names ??= {
    all: productCategories.flatMap((top) => [
      { code: top.code, vi: top.vi, en: top.en },
      ...top.children.map((c) => ({ code: c.code, vi: c.vi, en: c.en })),
    ]),
  };
  return names;
}

export const isCategory = (code: string) => categoryNames().all.some((c) => c.code === code);

export const categoryLabel = (code: string, locale: Locale) => categoryName(code, locale);
