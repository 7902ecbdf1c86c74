/** The part of a glossary term the matcher needs. */
export interface GlossaryTermLike {
  id: string;
  term: string;
  expansions: readonly string[];
}

/** Where a glossary term occurs in a text. */
export interface GlossaryMatch<T extends GlossaryTermLike = GlossaryTermLike> {
  from: number;
  to: number;
  entry: T;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `PTO`, `SLA`, `K8s`: written in capitals, so `it` in prose is not the term `IT`. */
function isAcronym(text: string): boolean {
  return /\p{Lu}/u.test(text) && text === text.toUpperCase();
}

/**
 * Finds glossary terms in text as whole words: case-insensitive, except acronyms, which must
 * be written in capitals. Longer terms win over shorter ones they contain.
 */
export class GlossaryMatcher<T extends GlossaryTermLike = GlossaryTermLike> {
  readonly #pattern: RegExp | null;
  readonly #byKey = new Map<string, { entry: T; exact: string | null }>();

  /** `withExpansions`: also find the other ways to say a term (search does; the editor not). */
  constructor(entries: readonly T[], { withExpansions = false } = {}) {
    for (const entry of entries) {
      const names = withExpansions ? [entry.term, ...entry.expansions] : [entry.term];
      for (const name of names) {
        const text = name.trim();
        const key = text.toLowerCase();
        if (!text || this.#byKey.has(key)) continue;
        this.#byKey.set(key, { entry, exact: isAcronym(text) ? text : null });
      }
    }
    const alternatives = [...this.#byKey.keys()]
      .sort((a, b) => b.length - a.length)
      .map((key) => escapeRegExp(key).replace(/\s+/g, '\\s+'));
    this.#pattern =
      alternatives.length === 0
        ? null
        : new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}_])`, 'giu');
  }

  get empty(): boolean {
    return this.#pattern === null;
  }

  /** Every occurrence in `text`, in order, not overlapping. */
  find(text: string): GlossaryMatch<T>[] {
    if (!this.#pattern) return [];
    const matches: GlossaryMatch<T>[] = [];
    for (const match of text.matchAll(this.#pattern)) {
      const found = this.#byKey.get(match[0].toLowerCase().replace(/\s+/g, ' '));
      if (!found || (found.exact !== null && match[0] !== found.exact)) continue;
      matches.push({ from: match.index, to: match.index + match[0].length, entry: found.entry });
    }
    return matches;
  }

  /** The distinct entries occurring in `text`, in order of first occurrence. */
  entriesIn(text: string): T[] {
    return [...new Set(this.find(text).map((match) => match.entry))];
  }
}
