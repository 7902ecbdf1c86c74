import {
  editDistanceWithin,
  matchEnd,
  matchStart,
  type ParsedQuery,
  readMatchMarkers,
  type SearchHit,
  searchTokens,
  typoBudget,
} from '@lore/core';

/** A hit as Meilisearch returns it for the fields Lore asks for. */
export interface MeiliHit {
  readonly pageId?: unknown;
  readonly shortId?: unknown;
  readonly spaceId?: unknown;
  readonly title?: unknown;
  readonly path?: unknown;
  readonly updatedAt?: unknown;
  readonly _formatted?: {
    readonly title?: unknown;
    readonly headings?: unknown;
    readonly body?: unknown;
  };
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const texts = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);

/**
 * A Meilisearch hit as a Lore hit: the highlight markers in the formatted title and cropped
 * body become ranges into the plain text.
 */
export function presentMeiliHit(hit: MeiliHit): SearchHit {
  const title = text(hit.title);
  const formattedTitle = readMatchMarkers(text(hit._formatted?.title));
  const snippet = readMatchMarkers(text(hit._formatted?.body));
  return {
    pageId: text(hit.pageId),
    shortId: text(hit.shortId),
    spaceId: text(hit.spaceId),
    title,
    // The formatted title is the title with markers; anything else would misplace them.
    titleHighlights: formattedTitle.text === title ? formattedTitle.highlights : [],
    snippet: snippet.text,
    snippetHighlights: snippet.highlights,
    path: texts(hit.path),
    updatedAt: typeof hit.updatedAt === 'number' ? hit.updatedAt : 0,
  };
}

const marked = new RegExp(`${matchStart}([^${matchEnd}]*)${matchEnd}`, 'g');

/** The words Meilisearch highlighted in a hit, normalized. */
export function highlightedWords(hit: MeiliHit): string[] {
  const formatted = hit._formatted ?? {};
  const sources = [text(formatted.title), text(formatted.body), ...texts(formatted.headings)];
  const words: string[] = [];
  for (const source of sources) {
    for (const match of source.matchAll(marked)) words.push(...searchTokens(match[1] ?? ''));
  }
  return words;
}

/**
 * For each query word no hit matched exactly, the highlighted word within its typo budget
 * that the most hits matched: what the engine took the word to mean. Hits are readable pages
 * only, so a suggestion never comes from a page the user cannot see.
 */
export function typoCorrections(
  query: ParsedQuery,
  hits: readonly MeiliHit[],
): Map<string, string> {
  const perHit = hits.map((hit) => new Set(highlightedWords(hit)));
  const corrections = new Map<string, string>();
  for (const clause of query.required) {
    if (clause.kind !== 'word' || clause.prefix) continue;
    const word = clause.text;
    const budget = typoBudget(word);
    if (budget === 0 || perHit.some((words) => words.has(word))) continue;
    const votes = new Map<string, number>();
    for (const words of perHit) {
      for (const candidate of words) {
        if (editDistanceWithin(word, candidate, budget) <= budget) {
          votes.set(candidate, (votes.get(candidate) ?? 0) + 1);
        }
      }
    }
    const best = [...votes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
    if (best) corrections.set(word, best[0]);
  }
  return corrections;
}
