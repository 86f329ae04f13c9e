/** Vietnamese text without diacritics ("Đắk Lắk" -> "Dak Lak"), as people type on phones and banks print names. */
export function foldVietnamese(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

/** URL slug from Vietnamese text: "Hợp tác xã Yến sào" -> "hop-tac-xa-yen-sao". */
export function slugify(s: string, maxLength = 80): string {
  return foldVietnamese(s)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/, '');
}
