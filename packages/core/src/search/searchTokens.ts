/** One word of a text: its normalized form and where it sits in the original string. */
export interface TokenSpan {
  readonly token: string;
  readonly start: number;
  readonly end: number;
}

// Letters, digits and combining marks form words, as in SQLite's unicode61 tokenizer; the marks
// are kept inside the word here and folded away by `normalizeToken`.
const wordPattern = /[\p{L}\p{N}\p{M}\p{Co}]+/gu;
const marks = /\p{M}+/gu;
const nonAscii = /[\u0080-\uffff]/;
const asciiWord = /[a-z0-9]+/g;
const foldedWord = /[\p{L}\p{N}\p{Co}]+/gu;

function isAscii(word: string): boolean {
  for (let index = 0; index < word.length; index += 1) {
    if (word.charCodeAt(index) > 0x7e) return false;
  }
  return true;
}

/** Lowercase without diacritics (`Café` → `cafe`), the form every index compares words in. */
export function normalizeToken(word: string): string {
  if (isAscii(word)) return word.toLowerCase();
  return word.normalize('NFKD').replace(marks, '').toLowerCase();
}

/** True when every character of `text` is ASCII (the fast paths apply). */
export function isAsciiText(text: string): boolean {
  return !nonAscii.test(text);
}

/** The words of `text` with their positions, normalized. */
export function searchTokenSpans(text: string): TokenSpan[] {
  const spans: TokenSpan[] = [];
  if (!nonAscii.test(text)) {
    const lower = text.toLowerCase();
    const pattern = /[a-z0-9]+/g;
    for (let match = pattern.exec(lower); match; match = pattern.exec(lower)) {
      spans.push({ token: match[0], start: match.index, end: match.index + match[0].length });
    }
    return spans;
  }
  for (const match of text.matchAll(wordPattern)) {
    const token = normalizeToken(match[0]);
    if (token.length > 0) {
      spans.push({ token, start: match.index, end: match.index + match[0].length });
    }
  }
  return spans;
}

/** The normalized words of `text`, in order. */
export function searchTokens(text: string): string[] {
  // Folding the whole text at once is several times faster than word by word, which matters
  // when a rebuild indexes thousands of pages a second.
  if (!nonAscii.test(text)) return text.toLowerCase().match(asciiWord) ?? [];
  return text.normalize('NFKD').replace(marks, '').toLowerCase().match(foldedWord) ?? [];
}
