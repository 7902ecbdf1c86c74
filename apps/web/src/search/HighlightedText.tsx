import type { HighlightRange } from '@lore/api';
import { useMemo } from 'react';
import { highlightSegments } from './highlightSegments';

/** Plain text with the ranges that matched the search in `<mark>`, rendered as React text. */
export function HighlightedText({
  text,
  highlights,
}: {
  text: string;
  highlights: readonly HighlightRange[];
}) {
  const segments = useMemo(() => highlightSegments(text, highlights), [text, highlights]);
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
