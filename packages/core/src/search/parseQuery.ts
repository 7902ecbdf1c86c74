import { searchTokens } from './searchTokens';
import { stopWords } from './stopWords';

/** A word to match; `prefix` when the user may still be typing it. */
export interface QueryWord {
  readonly kind: 'word';
  readonly text: string;
  readonly prefix: boolean;
}

/** Words that must appear next to each other, in order. */
export interface QueryPhrase {
  readonly kind: 'phrase';
  readonly words: readonly string[];
}

export type QueryClause = QueryWord | QueryPhrase;

/** A query as every index understands it: normalized words and phrases, nothing else. */
export interface ParsedQuery {
  /** Clauses a page must match, most important first (stop words removed when others remain). */
  readonly required: readonly QueryClause[];
  /** Clauses no result may match. */
  readonly excluded: readonly QueryClause[];
}

/** Longest input considered; the rest of a pasted essay is ignored rather than refused. */
export const maxQueryLength = 500;
const maxClauses = 10;
const maxExcluded = 5;
const maxWordLength = 64;
// Control and format characters become spaces: they never belong in a search and some
// (bidi overrides, NUL) confuse logs and engines.
const controlCharacters = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/gu;

const clauseKey = (clause: QueryClause) =>
  clause.kind === 'word' ? `w:${clause.text}:${clause.prefix}` : `p:${clause.words.join(' ')}`;

function clauseOf(words: string[], prefix: boolean): QueryClause | null {
  const kept = words.filter((word) => word.length <= maxWordLength);
  const [first] = kept;
  if (first === undefined) return null;
  if (kept.length === 1) return { kind: 'word', text: first, prefix };
  return { kind: 'phrase', words: kept };
}

/**
 * Reads what a user typed. Never throws: any string (quotes, operators, emoji, control
 * characters, megabytes) gives a query, possibly an empty one.
 *
 * - `"a b"` is a phrase; an unclosed quote runs to the end.
 * - `-word` and `-"a phrase"` exclude.
 * - Punctuation separates words; words joined by punctuation (`e-mail`, `node.js`) form a phrase.
 * - The last word is a prefix unless the text ends with a space or a closing quote.
 * - Boolean syntax (AND, OR, NEAR, parentheses, `*`, `:`) has no special meaning.
 */
export function parseQuery(input: string): ParsedQuery {
  const text = Array.from(String(input).replace(controlCharacters, ' '))
    .slice(0, maxQueryLength)
    .join('');
  const required: QueryClause[] = [];
  const excluded: QueryClause[] = [];
  let index = 0;
  let lastIsOpenWord = false;
  while (index < text.length) {
    const char = text[index] ?? '';
    if (/\s/u.test(char)) {
      index += 1;
      lastIsOpenWord = false;
      continue;
    }
    let negated = false;
    if (char === '-' && index + 1 < text.length && !/[\s-]/u.test(text[index + 1] ?? ' ')) {
      negated = true;
      index += 1;
    }
    let clause: QueryClause | null;
    if (text[index] === '"') {
      const close = text.indexOf('"', index + 1);
      const end = close === -1 ? text.length : close;
      clause = clauseOf(searchTokens(text.slice(index + 1, end)), false);
      index = close === -1 ? text.length : close + 1;
      lastIsOpenWord = false;
    } else {
      let end = index;
      while (end < text.length && !/[\s"]/u.test(text[end] ?? ' ')) end += 1;
      const chunk = text.slice(index, end);
      const endsWithWord = /[\p{L}\p{N}\p{M}\p{Co}]$/u.test(chunk);
      clause = clauseOf(searchTokens(chunk), false);
      index = end;
      lastIsOpenWord = clause !== null && !negated && endsWithWord && index === text.length;
    }
    if (clause) (negated ? excluded : required).push(clause);
  }
  const last = required.at(-1);
  if (lastIsOpenWord && last?.kind === 'word') {
    required[required.length - 1] = { ...last, prefix: true };
  }
  return {
    required: withoutStopWords(dedupe(required)).slice(0, maxClauses),
    excluded: dedupe(excluded).slice(0, maxExcluded),
  };
}

function dedupe(clauses: QueryClause[]): QueryClause[] {
  const seen = new Set<string>();
  return clauses.filter((clause) => {
    const key = clauseKey(clause);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function withoutStopWords(clauses: QueryClause[]): QueryClause[] {
  const significant = clauses.filter(
    (clause) => clause.kind === 'phrase' || !stopWords.has(clause.text),
  );
  return significant.length > 0 ? significant : clauses;
}

/** The words of a clause, in order. */
export function clauseWords(clause: QueryClause): readonly string[] {
  return clause.kind === 'word' ? [clause.text] : clause.words;
}
