import { parsePageHref } from '../pages/parsePageHref';
import type { ImportTreePlan } from './planImportTree';
import { resolveImportPath } from './resolveImportPath';

/** What a link in an imported file points at. */
export type ImportLinkTarget =
  /** Another site, an e-mail address, an anchor in the same page, a wiki page link: kept as written. */
  | { readonly kind: 'keep' }
  /** A page of the import, with the heading anchor the link named, if any. */
  | { readonly kind: 'page'; readonly key: string; readonly anchor: string | null }
  /** A relative link that names no page of the import. */
  | { readonly kind: 'unresolved' };

const schemePattern = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Resolves a link of an imported Markdown file against the planned pages: `./a.md`, `a`
 * (extension left out), `../folder/` or `../folder` (its index page), `/top/file` (from the
 * imported folder's top), each optionally with `#anchor`.
 */
export function resolveImportLink(
  href: string,
  fromFile: string,
  plan: Pick<ImportTreePlan, 'keyOfFile' | 'keyOfFolder'>,
): ImportLinkTarget {
  const trimmed = href.trim();
  if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('?')) return { kind: 'keep' };
  if (schemePattern.test(trimmed) || trimmed.startsWith('//')) return { kind: 'keep' };
  const hash = trimmed.indexOf('#');
  const anchor = hash < 0 ? null : decodeAnchor(trimmed.slice(hash + 1));
  const path = resolveImportPath(trimmed, fromFile);
  if (path === null) return { kind: 'unresolved' };
  const key =
    plan.keyOfFile.get(path) ??
    plan.keyOfFile.get(`${path}.md`) ??
    plan.keyOfFile.get(`${path}.markdown`) ??
    plan.keyOfFolder.get(path) ??
    plan.keyOfFile.get(path.replace(/\.html?$/i, '.md'));
  // A link to a wiki page (`/s/<shortId>`, as exported for pages outside an export) stays.
  if (key === undefined) return parsePageHref(trimmed) ? { kind: 'keep' } : { kind: 'unresolved' };
  return { kind: 'page', key, anchor: anchor === '' ? null : anchor };
}

function decodeAnchor(anchor: string): string {
  try {
    return decodeURIComponent(anchor);
  } catch {
    return anchor;
  }
}
