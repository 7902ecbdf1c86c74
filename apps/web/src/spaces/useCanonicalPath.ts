import { findPageByReference } from './findPageByReference';
import { canonicalPagePath } from './titleSlug';
import { useSpaces } from './useSpaces';

/**
 * The canonical address of a page in the loaded trees, following its title as it is typed and
 * its space as it moves; `null` while the page is not in the trees.
 */
export function useCanonicalPath(pageId: string): string | null {
  const { trees, spaces, liveTitles } = useSpaces();
  const found = findPageByReference(trees, { kind: 'id', id: pageId });
  const space = found && spaces?.find((candidate) => candidate.id === found.spaceId);
  if (!found || !space) return null;
  // An empty live title is most often a document not synced yet: keep the known address rather
  // than switching to "untitled" for a moment.
  const title = liveTitles.get(pageId) || found.node.title;
  return canonicalPagePath(space.slug, title, found.node.shortId);
}
