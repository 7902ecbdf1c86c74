const MAX_SLUG_LENGTH = 80;

/**
 * Turns heading text into an anchor id in the style readers know from code hosts:
 * lower case, letters/digits/`-`/`_` kept, whitespace runs become `-`.
 * Returns `section` when nothing usable is left (e.g. a heading made of emoji).
 */
export function slugifyHeading(text: string): string {
  const slug = text
    .normalize('NFC')
    .toLowerCase()
    .trim()
    .replace(/[^\p{L}\p{M}\p{N}\s_-]/gu, '')
    .replace(/\s+/g, '-')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'section' : slug;
}
