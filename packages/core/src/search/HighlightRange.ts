/**
 * A highlighted part of a string: `start` inclusive, `end` exclusive, in UTF-16 code units (the
 * offsets of `String.prototype.slice`). Lists of them are sorted, non-empty and non-overlapping.
 */
export interface HighlightRange {
  readonly start: number;
  readonly end: number;
}

/** Plain text with the ranges of it that matched a query. */
export interface HighlightedText {
  readonly text: string;
  readonly highlights: readonly HighlightRange[];
}
