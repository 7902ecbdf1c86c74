/**
 * A URL-safe name: lowercase ASCII letters, digits and single dashes, accents folded
 * ("Café Ops!" → "cafe-ops"). Empty when nothing usable remains.
 */
export function slugify(text: string, maxLength = 60): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/g, '');
}
