const hex = (value: string) => Buffer.from(value, 'utf8').toString('hex');

/**
 * Filter values (space, author, tag) as single index tokens in the `facets` column, so filters
 * and permissions are evaluated by FTS5 itself. Hex keeps any id one token; the prefixes keep
 * the kinds apart.
 */
export const facetToken = {
  space: (spaceId: string) => `zs${hex(spaceId)}`,
  author: (userId: string) => `za${hex(userId)}`,
  tag: (tag: string) => `zt${hex(tag.trim().toLowerCase())}`,
};
