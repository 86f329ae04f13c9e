/** A product image as pages show it: WebP renditions at several widths, the browser picks one. */
export interface PictureSource {
  alt: string;
  renditions: { width: number; height?: number; key: string }[];
  /** The original's size, for the aspect ratio when renditions do not carry their height. */
  width?: number;
  height?: number;
}

/** Address of a stored rendition (served by GET /anh/<key>, cached for a year). */
export const imageUrl = (key: string) => `/anh/${key}`;

/**
 * An <img> with srcset and sizes, its width and height (no layout shift while it loads) and
 * lazy loading; the first image of a product page passes `eager` (it is the largest paint).
 */
export function ProductPicture({
  image,
  sizes = '(max-width: 40rem) 100vw, 40rem',
  eager = false,
  class: cls,
}: {
  image: PictureSource;
  sizes?: string;
  eager?: boolean;
  class?: string;
}) {
  const list = [...image.renditions].sort((a, b) => a.width - b.width);
  if (!list.length) return '';
  const largest = list[list.length - 1];
  const height =
    largest.height ??
    (image.width && image.height ? Math.round((largest.width * image.height) / image.width) : largest.width);
  const src = (list.find((r) => r.width >= 640) ?? largest).key;
  // `sizes` is missing from the JSX types of <img>; it is a standard attribute.
  const extra: Record<string, string> = { sizes };
  return (
    <img
      src={imageUrl(src)}
      srcset={list.map((r) => `${imageUrl(r.key)} ${r.width}w`).join(', ')}
      width={String(largest.width)}
      height={String(height)}
      alt={image.alt}
      loading={eager ? 'eager' : 'lazy'}
      decoding="async"
      fetchpriority={eager ? 'high' : undefined}
      class={cls}
      {...extra}
    />
  );
}
