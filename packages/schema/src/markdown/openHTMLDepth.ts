/**
 * Containers whose closing tag decides where raw HTML ends. Cells, rows, items and paragraphs
 * are left out: HTML closes them by itself, and authors often omit their end tags.
 */
const CONTAINERS = new Set([
  'table',
  'ul',
  'ol',
  'dl',
  'div',
  'details',
  'blockquote',
  'section',
  'article',
  'aside',
  'center',
  'figure',
  'main',
  'nav',
]);

/**
 * How many container elements are still open after a piece of raw HTML, starting from
 * `depth` open ones. Comments are skipped; the count never goes below zero.
 */
export function openHTMLDepth(html: string, depth = 0): number {
  let open = depth;
  const withoutComments = html.replace(/<!--[\s\S]*?(?:-->|$)/g, '');
  for (const [, closing, name, selfClosing] of withoutComments.matchAll(
    /<(\/?)([a-zA-Z][\w-]*)\b(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>/g,
  )) {
    if (!CONTAINERS.has((name ?? '').toLowerCase()) || selfClosing === '/') continue;
    open = closing === '/' ? Math.max(0, open - 1) : open + 1;
  }
  return open;
}
