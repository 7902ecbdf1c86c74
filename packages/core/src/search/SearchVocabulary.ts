/** A vocabulary word close to what the user typed. */
export interface TermCandidate {
  readonly term: string;
  /** Pages holding the word. */
  readonly docs: number;
  /** Edits between the typed word and this one (0 for completions). */
  readonly distance: number;
}

/**
 * The indexed words with the number of pages holding each, as an index keeps them: what query
 * planning asks to expand words into forms, completions and typo corrections. Implemented by
 * each engine over its own tables; answers are read in the search's snapshot.
 */
export interface SearchVocabulary {
  /** Pages holding `term` (0 when it is unknown). */
  docs(term: string): number;
  /** The most common words starting with `prefix`, most common first. */
  completions(prefix: string, limit: number): TermCandidate[];
  /**
   * Words within `maxDistance` edits of `word` (itself excluded), closest then most common
   * first, then alphabetical.
   */
  typoCandidates(word: string, maxDistance: number, limit: number): TermCandidate[];
}
