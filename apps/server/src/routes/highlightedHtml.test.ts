import { describe, expect, it } from 'vitest';
import { highlightedHtml } from './highlightedHtml';

describe('highlightedHtml', () => {
  it('escapes the text and marks the ranges', () => {
    expect(highlightedHtml('Vacation <b>rules</b> & "more"', [{ start: 0, end: 8 }])).toBe(
      '<mark>Vacation</mark> &lt;b&gt;rules&lt;/b&gt; &amp; &quot;more&quot;',
    );
    expect(highlightedHtml('a <b> c', [{ start: 2, end: 5 }])).toBe('a <mark>&lt;b&gt;</mark> c');
    expect(highlightedHtml('', [])).toBe('');
  });

  it('clips ranges out of bounds, overlapping or out of order instead of breaking markup', () => {
    const ranges = [
      { start: -3, end: 2 },
      { start: 1, end: 4 },
      { start: 3, end: 3 },
      { start: 0, end: 1 },
      { start: 6, end: 99 },
      { start: Number.NaN, end: 5 },
    ];
    expect(highlightedHtml('<abcdefg>', ranges)).toBe(
      '<mark>&lt;a</mark><mark>bc</mark>de<mark>fg&gt;</mark>',
    );
  });
});
