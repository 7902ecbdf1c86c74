import { reservedSpaceSlugs } from '@lore/core/addresses';

/** How an address names a page: by its id (`/pages/<uuid>`) or by its short id. */
export type PageReference = { kind: 'id'; id: string } | { kind: 'shortId'; shortId: string };

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const shortIdPattern = /^[0-9a-z]{4,32}$/;

/**
 * Reads the page part of an address: a page id, a bare short id (`/s/<shortId>`) or a canonical
 * `<title-slug>-<shortId>` (the short id is what follows the last hyphen; short ids have none).
 * Returns `null` for anything else.
 */
export function parsePageReference(segment: string): PageReference | null {
  let value: string;
  try {
    value = decodeURIComponent(segment).trim();
  } catch {
    return null;
  }
  if (uuidPattern.test(value)) return { kind: 'id', id: value.toLowerCase() };
  const shortId = value.slice(value.lastIndexOf('-') + 1);
  return shortIdPattern.test(shortId) ? { kind: 'shortId', shortId } : null;
}

/**
 * The page an address of the web app shows (`/pages/<id>`, `/s/<shortId>`,
 * `/<space>/<slug>-<shortId>`), or `null` for other addresses (`/spaces/x`, `/settings`…).
 */
export function pageReferenceOfPath(pathname: string): PageReference | null {
  const parts = pathname.split('/').filter((part) => part !== '');
  if (parts.length !== 2) return null;
  const [first = '', second = ''] = parts;
  if (first === 'pages') {
    return uuidPattern.test(second) ? { kind: 'id', id: second.toLowerCase() } : null;
  }
  if (first !== 's' && reservedSpaceSlugs.has(first)) return null;
  return parsePageReference(second);
}
