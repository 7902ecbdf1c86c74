import { searchTokenSpans } from './searchTokens';

/**
 * `text` with each word whose normalized form is a key of `corrections` replaced by its value,
 * keeping everything else the user typed (for "did you mean").
 */
export function correctQueryText(text: string, corrections: ReadonlyMap<string, string>): string {
  let result = '';
  let at = 0;
  for (const span of searchTokenSpans(text)) {
    const replacement = corrections.get(span.token);
    if (replacement === undefined) continue;
    result += text.slice(at, span.start) + replacement;
    at = span.end;
  }
  return (result + text.slice(at)).trim();
}
