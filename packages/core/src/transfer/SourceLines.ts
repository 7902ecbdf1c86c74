/**
 * Finds the line of a reference in a source file. The page body no longer knows where its
 * links came from, so each reference is looked up as written, in order: a link repeated in a
 * file is reported at each of its lines.
 */
export class SourceLines {
  readonly #text: string;
  readonly #lineStarts: number[] = [0];
  readonly #searchFrom = new Map<string, number>();

  constructor(text: string) {
    this.#text = text;
    for (let i = 0; i < text.length; i++)
      if (text.charCodeAt(i) === 10) this.#lineStarts.push(i + 1);
  }

  /** The 1-based line of the next occurrence of `reference`; 1 when it cannot be found. */
  lineOf(reference: string): number {
    const from = this.#searchFrom.get(reference) ?? 0;
    let at = this.#text.indexOf(reference, from);
    if (at < 0 && from > 0) at = this.#text.indexOf(reference);
    if (at < 0) return 1;
    this.#searchFrom.set(reference, at + reference.length);
    let low = 0;
    let high = this.#lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.#lineStarts[mid] ?? 0) <= at) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  }
}
