import type { Share } from '@lore/api';
import type { ListedShare } from '@lore/core';
import { sharedViewPath } from '../shares/sharePaths';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/**
 * The JSON shape of a share link. `secret` is known only when the link was just made, so only
 * that answer carries its address.
 */
export function presentShare(
  { share, page, creator }: ListedShare,
  origin: string,
  secret: string | null = null,
): Share {
  return {
    id: share.id,
    url: secret === null ? null : `${origin}${sharedViewPath(secret)}`,
    pageId: share.pageId,
    pageTitle: page.title,
    includeSubpages: share.includeSubpages,
    allowIndexing: share.allowIndexing,
    expiresAt: iso(share.expiresAt),
    createdAt: new Date(share.createdAt).toISOString(),
    createdBy: { id: creator.id, displayName: creator.displayName },
    lastUsedAt: iso(share.lastUsedAt),
  };
}
