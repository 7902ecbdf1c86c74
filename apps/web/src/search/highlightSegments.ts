/** A run of text, marked when it matched the query. */
export interface HighlightSegment {
  text: string;
  marked: boolean;
}

const namedEntities: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

function decodeEntities(html: string): string {
  return html.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
    if (body.startsWith('#')) {
      const code =
        body[1] === 'x' || body[1] === 'X'
          ? Number.parseInt(body.slice(2), 16)
          : Number(body.slice(1));
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff
        ? String.fromCodePoint(code)
        : entity;
    }
    return namedEntities[body.toLowerCase()] ?? entity;
  });
}

/**
 * Reads the highlighted HTML the search API returns (escaped text, matches in `<mark>`) into
 * plain text runs. Nothing from it ever reaches the page as HTML: React renders the runs as
 * text, so even a malformed or hostile answer can only show up as visible characters.
 */
export function highlightSegments(html: string): HighlightSegment[] {
  const segments: HighlightSegment[] = [];
  let marked = false;
  for (const part of html.split(/(<\/?mark>)/i)) {
    const tag = part.toLowerCase();
    if (tag === '<mark>') marked = true;
    else if (tag === '</mark>') marked = false;
    else if (part) {
      const text = decodeEntities(part);
      const last = segments[segments.length - 1];
      if (last && last.marked === marked) last.text += text;
      else segments.push({ text, marked });
    }
  }
  return segments;
}
