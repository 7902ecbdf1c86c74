import { clauseWords, type ParsedQuery } from './parseQuery';
import type { SearchVocabulary } from './SearchVocabulary';
import type { SynonymTable } from './SynonymTable';
import { typoBudget } from './typoBudget';
import { wordForms } from './wordForms';

/** One thing a page must match: any of the alternatives (a word or a phrase each). */
export interface QueryGroup {
  readonly alternatives: readonly (readonly string[])[];
  /** Upper bound of the pages matching any alternative; 0 when none can match. */
  readonly docs: number;
  /**
   * For the word being typed when it is already a whole word: that word alone. Pages matching
   * it exactly rank above pages matching only a longer word it starts.
   */
  readonly exact?: readonly (readonly string[])[];
}

/** A parsed query resolved against the vocabulary and the glossary. */
export interface QueryPlan {
  readonly groups: readonly QueryGroup[];
  readonly excluded: readonly (readonly string[])[];
  /** Words to mark in titles and snippets, and prefixes whose completions are marked too. */
  readonly markWords: ReadonlySet<string>;
  readonly markPrefixes: readonly string[];
  /** Unknown words and the vocabulary words they probably meant, best first. */
  readonly corrections: ReadonlyMap<string, readonly string[]>;
}

const maxTypoAlternatives = 6;
const maxCompletions = 6;

/**
 * Expands each clause of the query: glossary synonyms (longest run of words first), other
 * forms of each word, typo corrections for unknown words, completions for the word being typed.
 */
export function planQuery(
  query: ParsedQuery,
  vocabulary: SearchVocabulary,
  synonyms: SynonymTable,
): QueryPlan {
  const groups: QueryGroup[] = [];
  const markWords = new Set<string>();
  const markPrefixes: string[] = [];
  const corrections = new Map<string, string[]>();
  const clauses = query.required;
  const words = clauses.map((clause) => (clause.kind === 'word' ? clause.text : null));

  for (let index = 0; index < clauses.length; ) {
    const clause = clauses[index];
    if (!clause) break;
    const run: string[] = [];
    for (let next = index; next < clauses.length && words[next] !== null; next += 1) {
      run.push(words[next] ?? '');
    }
    const synonym =
      clause.kind === 'phrase' ? synonyms.matchPhrase(clause.words) : synonyms.match(run, 0);
    if (synonym) {
      for (const phrase of synonym.phrases) for (const word of phrase) markWords.add(word);
      groups.push({
        alternatives: synonym.phrases,
        docs: synonym.phrases.reduce((sum, phrase) => sum + phraseDocs(phrase, vocabulary), 0),
      });
      index += clause.kind === 'phrase' ? 1 : synonym.length;
      continue;
    }
    index += 1;
    if (clause.kind === 'phrase') {
      const alternatives = correctedPhrases(clause.words, vocabulary, corrections);
      for (const phrase of alternatives) for (const word of phrase) markWords.add(word);
      groups.push({
        alternatives,
        docs: alternatives.reduce((sum, phrase) => sum + phraseDocs(phrase, vocabulary), 0),
      });
      continue;
    }
    const word = clause.text;
    if (clause.prefix) {
      const completions = vocabulary.completions(word, maxCompletions);
      if (completions.length > 0) {
        markPrefixes.push(word);
        const whole = vocabulary.docs(word) > 0;
        const exact = whole ? [[word], ...wordForms(word, vocabulary).map((form) => [form])] : [];
        const alternatives = [
          ...exact,
          ...completions
            .filter((completion) => !exact.some(([known]) => known === completion.term))
            .map((completion) => [completion.term]),
        ];
        for (const [form] of exact) if (form) markWords.add(form);
        groups.push({
          alternatives,
          docs: completions.reduce((sum, completion) => sum + completion.docs, 0),
          ...(whole && alternatives.length > exact.length ? { exact } : {}),
        });
        continue;
      }
    }
    const docs = vocabulary.docs(word);
    markWords.add(word);
    const alternatives: string[][] = [[word]];
    let total = docs;
    for (const form of wordForms(word, vocabulary)) {
      alternatives.push([form]);
      markWords.add(form);
      total += vocabulary.docs(form);
    }
    if (docs === 0) {
      const candidates = vocabulary.typoCandidates(word, typoBudget(word), maxTypoAlternatives);
      for (const candidate of candidates) {
        alternatives.push([candidate.term]);
        markWords.add(candidate.term);
        total += candidate.docs;
      }
      if (candidates.length > 0) {
        corrections.set(
          word,
          candidates.map((candidate) => candidate.term),
        );
      }
    }
    groups.push({ alternatives, docs: total });
  }

  return {
    groups,
    excluded: query.excluded.map((clause) => clauseWords(clause)),
    markWords,
    markPrefixes,
    corrections,
  };
}

function phraseDocs(words: readonly string[], vocabulary: SearchVocabulary): number {
  let docs = Number.POSITIVE_INFINITY;
  for (const word of words) docs = Math.min(docs, vocabulary.docs(word));
  return Number.isFinite(docs) ? docs : 0;
}

/**
 * A phrase (words joined by punctuation, like `anti-bribery`, or quoted) and, when some of its
 * words are in no page, the same phrase with those words corrected: at most
 * `maxTypoAlternatives` in all, the likeliest corrections first. The corrections are noted for
 * "did you mean".
 */
function correctedPhrases(
  words: readonly string[],
  vocabulary: SearchVocabulary,
  corrections: Map<string, string[]>,
): (readonly string[])[] {
  let phrases: string[][] = [[...words]];
  for (const [position, word] of words.entries()) {
    if (vocabulary.docs(word) > 0) continue;
    const candidates = vocabulary
      .typoCandidates(word, typoBudget(word), maxTypoAlternatives)
      .map((candidate) => candidate.term);
    if (candidates.length === 0) continue;
    corrections.set(word, candidates);
    const corrected = phrases.flatMap((phrase) =>
      candidates.map((candidate) =>
        phrase.map((known, at) => (at === position ? candidate : known)),
      ),
    );
    phrases = [...phrases, ...corrected].slice(0, maxTypoAlternatives + 1);
  }
  return phrases;
}
