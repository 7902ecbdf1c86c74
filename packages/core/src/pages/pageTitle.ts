export const untitled = 'Untitled';
export const titleMaxLength = 200;

/** A title as stored: one line, trimmed, at most 200 characters; empty becomes "Untitled". */
export function normalizeTitle(title: string): string {
  // Control characters and line breaks become spaces: a title is one line of text.
  const line = [...title]
    .map((char) =>
      /\s/.test(char) || (char.codePointAt(0) ?? 0) < 0x20 || char === '\u007f' ? ' ' : char,
    )
    .join('')
    .replace(/ {2,}/g, ' ')
    .trim();
  return line.length === 0 ? untitled : [...line].slice(0, titleMaxLength).join('');
}
