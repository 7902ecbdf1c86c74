import { describe, expect, it } from 'vitest';
import { highlightSegments } from './highlightSegments';

describe('highlightSegments', () => {
  it('splits marked and plain runs, keeping the text as it is', () => {
    expect(
      highlightSegments("File vacation requests <b> & 'more'", [{ start: 5, end: 13 }]),
    ).toEqual([
      { text: 'File ', marked: false },
      { text: 'vacation', marked: true },
      { text: " requests <b> & 'more'", marked: false },
    ]);
  });

  it('keeps tags in the text as visible text, never as markup', () => {
    const segments = highlightSegments('<img src=x onerror=alert(1)>hit', [{ start: 28, end: 31 }]);
    expect(segments).toEqual([
      { text: '<img src=x onerror=alert(1)>', marked: false },
      { text: 'hit', marked: true },
    ]);
  });

  it('merges neighbouring runs and clips ranges out of bounds, empty or overlapping', () => {
    expect(
      highlightSegments('ab\u{1F600}', [
        { start: 0, end: 1 },
        { start: 1, end: 2 },
      ]),
    ).toEqual([
      { text: 'ab', marked: true },
      { text: '\u{1F600}', marked: false },
    ]);
    expect(
      highlightSegments('abcdef', [
        { start: -2, end: 2 },
        { start: 1, end: 3 },
        { start: 4, end: 4 },
        { start: 0, end: 1 },
        { start: 5, end: 50 },
      ]),
    ).toEqual([
      { text: 'abc', marked: true },
      { text: 'de', marked: false },
      { text: 'f', marked: true },
    ]);
    expect(highlightSegments('', [{ start: 0, end: 3 }])).toEqual([]);
    expect(highlightSegments('plain', [])).toEqual([{ text: 'plain', marked: false }]);
  });
});
