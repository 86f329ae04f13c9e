/**
 * What the demo catalogue is made of: real kinds of local products of Khánh Hòa and its
 * neighbours, each with the places it comes from (communes of the 2025 units), how it is
 * packed and priced, and sentences a seller would write about it.
 */

/** Where a kind comes from: a commune of the 2025 units and the name people give the place. */
export interface Place {
  commune: string;
  label: string;
}

/** One sellable variant: its name, SKU part, shipping weight and price range in đồng. */
export interface VariantSpec {
  name: string;
  sku: string;
  grams?: number;
  price: [number, number];
}

export type Shape =
  | 'nest'
  | 'bottle'
  | 'jar'
  | 'bulb'
  | 'fruit'
  | 'grapes'
  | 'bean'
  | 'leaf'
  | 'fish'
  | 'squid'
  | 'vase'
  | 'cloth'
  | 'basket'
  | 'stick'
  | 'mountain'
  | 'wave'
  | 'house'
  | 'box'
  | 'drop'
  | 'lantern';

export interface ProductKind {
  /** Unique, ASCII: names the kind's images and starts its SKUs. */
  key: string;
  /** Leaf of the product taxonomy (data/reference/product-categories.json). */
  category: string;
  /** The kind's common name, written on its image: "Yến sào". */
  label: string;
  /** How products of the kind are named before the place: "Yến sào tinh chế". */
  stems: string[];
  /** What may follow the place: "40 độ đạm", "loại 1"; '' for nothing. */
  suffixes: string[];
  /** Where it comes from; empty: made anywhere, so the seller's own commune. */
  places: Place[];
  /** How often shops make it, relative to other kinds (1: as often as most). */
  frequency: number;
  /** Also made anywhere else, named after the seller's commune (honey, rice, homestays, ...). */
  anywhere: boolean;
  /** Stems made only in some of the places ("Tỏi cô đơn" only on Lý Sơn); others go with every place. */
  stemPlaces: Record<string, Place[]>;
  unit: string;
  /** Alternative variant sets; a product takes one. */
  packs: VariantSpec[][];
  /** Variant sets of stems sold differently ("Trà sâm" by the box, the roots by weight). */
  stemPacks: Record<string, VariantSpec[][]>;
  /** Share of products with an OCOP certificate (of the category's group). */
  ocop: number;
  /** Share of products flagged as key products of the province (sản phẩm chủ lực). */
  keyProduct: number;
  /** Certifications a product of the kind may carry (catalog codes). */
  certifications: string[];
  shelfLifeDays: number | null;
  storage: string | null;
  /** Sentences with {place} and {province}: one intro, then some details, maybe a list. */
  intro: string[];
  details: string[];
  bullets: string[];
  /** Stock a variant usually has. */
  stock: [number, number];
  image: { shape: Shape; color: string };
}

/** Defaults for what most kinds share; each kind states the rest. */
export function kind(
  k: Pick<
    ProductKind,
    'key' | 'category' | 'label' | 'stems' | 'places' | 'unit' | 'packs' | 'intro' | 'details'
  > &
    Partial<ProductKind>,
): ProductKind {
  return {
    suffixes: [''],
    anywhere: false,
    frequency: 1,
    stemPlaces: {},
    stemPacks: {},
    ocop: 0,
    keyProduct: 0,
    certifications: [],
    shelfLifeDays: null,
    storage: null,
    bullets: [],
    stock: [0, 300],
    image: { shape: 'box', color: '#8a5a2b' },
    ...k,
  };
}

/** A variant: name, SKU part, grams, lowest and highest price in đồng. */
export const v = (
  name: string,
  sku: string,
  grams: number | undefined,
  min: number,
  max: number,
): VariantSpec => ({
  name,
  sku,
  grams,
  price: [min, max],
});

/** The stems a product made at `place` may be named with. */
export function stemsAt(k: ProductKind, place: Place): string[] {
  return k.stems.filter(
    (s) =>
      !k.stemPlaces[s] || k.stemPlaces[s].some((p) => p.commune === place.commune && p.label === place.label),
  );
}

/** The variant sets a product named with `stem` may have. */
export const packsFor = (k: ProductKind, stem: string): VariantSpec[][] => k.stemPacks[stem] ?? k.packs;

/** "Xã Cam Lâm" -> "Cam Lâm": a commune as people name it. */
export const shortName = (communeName: string) =>
  communeName
    .replace(/^(Xã|Phường|Đặc khu) /, '')
    // Numbered and paired names of merged units: "1 Bảo Lộc", "Bảo Lâm 2", "Lâm Viên - Đà Lạt".
    .replace(/^.* - /, '')
    .replace(/^\d+ | \d+$/g, '');

/** "Nước mắm cá cơm" + Cà Ná -> "Nước mắm cá cơm Cà Ná"; a stem already naming the place keeps it once. */
export const placeName = (stem: string, place: Place) =>
  stem.includes(place.label) ? stem : `${stem} ${place.label}`;
