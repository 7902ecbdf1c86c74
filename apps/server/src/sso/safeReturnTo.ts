/**
 * The path to open after signing in: a same-origin path only (`/spaces/x?y#z`), never another
 * site (`//evil.example`, `/\evil.example`, `https://…`); anything else is the home page.
 */
export function safeReturnTo(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2000) return '/';
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  // Control characters (tabs, newlines) are dropped by URL parsers and can hide a `//`.
  if ([...value].some((char) => char <= ' ' || char === '\u007f' || char === '\\')) return '/';
  const base = 'http://lore.invalid';
  const url = new URL(value, base);
  return url.origin === base ? `${url.pathname}${url.search}${url.hash}` : '/';
}
