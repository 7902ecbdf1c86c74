import { useMemo } from 'react';
import { highlightSegments } from './highlightSegments';

/** Search API HTML (escaped text, matches in `<mark>`) shown as text with highlighted matches. */
export function HighlightedText({ html }: { html: string }) {
  const segments = useMemo(() => highlightSegments(html), [html]);
  return (
    <>
      {segments.map((segment, index) =>
        segment.marked ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments never reorder.
          <mark key={index}>{segment.text}</mark>
        ) : (
          segment.text
        ),
      )}
    </>
  );
}
