import { useLocation } from 'react-router';
import { findPageByReference } from './findPageByReference';
import { pageReferenceOfPath } from './parsePageReference';
import { useSpaces } from './useSpaces';

/**
 * The id of the page the address shows, whichever form the address has (`/pages/<id>`,
 * `/s/<shortId>`, canonical), or `null` on other screens or for a page not in the trees yet.
 */
export function useCurrentPageId(): string | null {
  const { pathname } = useLocation();
  const { trees } = useSpaces();
  const reference = pageReferenceOfPath(pathname);
  if (!reference) return null;
  if (reference.kind === 'id') return reference.id;
  return findPageByReference(trees, reference)?.node.id ?? null;
}
