import { reservedSpaceSlugs } from './reservedSpaceSlugs';
import { isValidShortId } from './shortId';

/** Where an internal link points: a page (by short id) and optionally a heading in it. */
export interface PageHrefTarget {
  readonly shortId: string;
  readonly anchor: string | null;
}

export interface ParsePageHrefOptions {
  /** This wiki's public origin (e.g. `https://wiki.example.com`); absolute URLs on it count. */
  readonly origin?: string | null;
}

export { reservedSpaceSlugs };

const slugWithShortId = /^(?:.*-)?([0-9a-km-z]{10})$/;

/**
 * The page a path points at, when it has the shape of a page address: `/s/<shortId>` or a
 * canonical `/<space>/<anything>-<shortId>` (whatever the space and title parts say, since only
 * the short id is permanent). Null for any other path.
 */
export function parsePagePath(path: string): string | null {
  const segments = path.split('/');
  if (segments.length !== 3 || segments[0] !== '') return null;
  const [, first = '', second = ''] = segments;
  if (first === 's') return isValidShortId(second) ? second : null;
  if (first === '' || reservedSpaceSlugs.has(first)) return null;
  return slugWithShortId.exec(second)?.[1] ?? null;
}

/**
 * The wiki page an href links to, or null for links elsewhere. Recognises `/s/<shortId>`,
 * canonical paths and absolute URLs of those on this wiki's origin, each with an optional
 * `#heading-id`; a query string is ignored.
 */
export function parsePageHref(
  href: string,
  options: ParsePageHrefOptions = {},
): PageHrefTarget | null {
  let url: URL;
  try {
    // A fixed base resolves relative hrefs; an absolute href keeps its own origin.
    url = new URL(href, 'http://lore.invalid');
  } catch {
    return null;
  }
  const relative = href.startsWith('/') && !href.startsWith('//');
  const sameOrigin =
    relative || (options.origin != null && url.origin === new URL(options.origin).origin);
  if (!sameOrigin) return null;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname).replace(/\/+$/, '');
  } catch {
    return null;
  }
  const shortId = parsePagePath(path);
  if (shortId === null) return null;
  let anchor: string | null = null;
  if (url.hash.length > 1) {
    try {
      anchor = decodeURIComponent(url.hash.slice(1));
    } catch {
      anchor = url.hash.slice(1);
    }
  }
  return { shortId, anchor };
}
