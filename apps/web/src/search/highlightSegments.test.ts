import { describe, expect, it } from 'vitest';
import { highlightSegments } from './highlightSegments';

describe('highlightSegments', () => {
  it('splits marked and plain runs and decodes the escaping', () => {
    expect(
      highlightSegments('File <mark>vacation</mark> requests &lt;b&gt; &amp; &#39;more&#39;'),
    ).toEqual([
      { text: 'File ', marked: false },
      { text: 'vacation', marked: true },
      { text: " requests <b> & 'more'", marked: false },
    ]);
  });

  it('keeps other tags as visible text, never as markup', () => {
    const segments = highlightSegments('<img src=x onerror=alert(1)><mark>hit</mark>');
    expect(segments).toEqual([
      { text: '<img src=x onerror=alert(1)>', marked: false },
      { text: 'hit', marked: true },
    ]);
  });

  it('merges neighbouring runs and leaves unknown entities alone', () => {
    expect(highlightSegments('<mark>a</mark><mark>b</mark>&bogus;&#x1F600;')).toEqual([
      { text: 'ab', marked: true },
      { text: '&bogus;\u{1F600}', marked: false },
    ]);
    expect(highlightSegments('')).toEqual([]);
  });
});
