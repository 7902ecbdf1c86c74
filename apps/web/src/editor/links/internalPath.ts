/**
 * The in-app path of a link that points into this wiki (`/s/…`, `/space/slug-…`, or an absolute
 * URL on this origin), or `null` for links that leave it, API and file addresses included.
 */
export function internalPath(href: string | null, origin: string): string | null {
  if (!href) return null;
  let url: URL;
  try {
    url = new URL(href, origin);
  } catch {
    return null;
  }
  if (url.origin !== origin || url.pathname.startsWith('/api/')) return null;
  if (!href.startsWith('/') && !href.startsWith(origin)) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}
