const ALLOWED_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/**
 * Whether a link target may be stored and rendered: `http:`, `https:` and `mailto:` URLs,
 * and relative references (`page.md`, `../a/b`, `/api/...`, `#anchor`, `?q=1`).
 * Network-path references (`//host`) and every other scheme (`javascript:`, `data:`,
 * `vbscript:`, `file:`…) are refused. Browsers ignore ASCII control characters and whitespace
 * inside a scheme (`java\tscript:`), so those are removed before the scheme is read.
 */
export function isSafeHref(href: unknown): href is string {
  if (typeof href !== 'string') return false;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is stripped
  const compact = href.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  if (compact === '' || href.length > 4096) return false;
  if (/^[\\/]{2}/.test(compact)) return false;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact);
  if (scheme === null) {
    // A colon before any `/`, `?` or `#` would make a browser read a scheme.
    return !/^[^/?#]*:/.test(compact);
  }
  return ALLOWED_SCHEMES.has(`${scheme[1]?.toLowerCase()}:`);
}
