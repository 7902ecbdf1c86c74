import type { SearchVocabulary } from './SearchVocabulary';

// Endings of English inflections and close derivations, longest first.
const endings = [
  'ations',
  'ation',
  'ments',
  'ment',
  'ings',
  'ing',
  'ies',
  'ied',
  'ers',
  'er',
  'ed',
  'es',
  'als',
  'al',
  's',
  'e',
  'y',
];
const endingSet = new Set(['', ...endings]);
const maxForms = 8;

/** The word without its inflection ending ("approvals" → "approv"), or itself when short. */
export function wordStem(word: string): string {
  for (const ending of endings) {
    if (word.endsWith(ending) && word.length - ending.length >= 4) {
      return word.slice(0, -ending.length);
    }
  }
  return word;
}

/**
 * Other forms of `word` that pages use ("changes" → change, changed, changing): vocabulary
 * words made of the same stem and an inflection ending, most common first. A light,
 * dictionary-free stemming: only forms that actually occur are searched.
 */
export function wordForms(word: string, vocabulary: SearchVocabulary): string[] {
  if (!/^[a-z]+$/.test(word) || word.length < 4) return [];
  const stem = wordStem(word);
  return vocabulary
    .completions(stem, 40)
    .map((candidate) => candidate.term)
    .filter((term) => term !== word && endingSet.has(term.slice(stem.length)))
    .slice(0, maxForms);
}
