import type { QueryGroup } from '@lore/core';
import { ftsAnyOf } from './ftsPhrase';

/** Column filter for the searchable text: every column but the facets. */
export const textColumns = '- facets';
/** Column filter for titles and headings. */
export const titleColumns = '{title headings}';

/** `(g1 AND g2 …)`: every group matched by any of its alternatives. */
export function ftsAllOf(groups: readonly QueryGroup[]): string {
  return `(${groups.map((group) => ftsAnyOf(group.alternatives)).join(' AND ')})`;
}
