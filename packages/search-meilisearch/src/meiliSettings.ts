import { type SynonymGroup, searchTokens, stopWords } from '@lore/core';
import type { Settings, Synonyms } from 'meilisearch';

/** Glossary groups as Meilisearch synonyms: every phrase of a group maps to all the others. */
export function meiliSynonyms(groups: readonly SynonymGroup[]): Synonyms {
  const synonyms: Record<string, string[]> = {};
  for (const group of groups) {
    const phrases = [...new Set(group.map((phrase) => searchTokens(phrase).join(' ')))].filter(
      (phrase) => phrase.length > 0,
    );
    if (phrases.length < 2) continue;
    for (const phrase of phrases) {
      const others = phrases.filter((other) => other !== phrase);
      synonyms[phrase] = [...new Set([...(synonyms[phrase] ?? []), ...others])];
    }
  }
  return synonyms;
}

/**
 * The index settings Lore relies on, applied at start: attribute order makes title, then
 * heading matches rank above body matches; recency then popularity break ties; typo tolerance
 * as in every Lore index (one typo from 5 letters, two from 9).
 */
export function meiliSettings(groups: readonly SynonymGroup[]): Settings {
  return {
    searchableAttributes: ['title', 'headings', 'tags', 'path', 'body'],
    filterableAttributes: ['spaceId', 'pageId', 'authorIds', 'tagKeys', 'updatedAt'],
    sortableAttributes: ['updatedAt', 'views'],
    rankingRules: [
      'words',
      'typo',
      'proximity',
      'attribute',
      'exactness',
      'updatedAt:desc',
      'views:desc',
    ],
    typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
    stopWords: [...stopWords],
    synonyms: meiliSynonyms(groups),
    pagination: { maxTotalHits: 1000 },
  };
}
