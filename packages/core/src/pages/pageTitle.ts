export const untitled = 'Untitled';
export const titleMaxLength = 200;

/** A title as stored: one line, trimmed, at most 200 characters; empty becomes "Untitled". */
export function normalizeTitle(title: string): string {
  const line = title.replace(/[\s\u0000-\u001f\u007f]+/g, ' ').trim();
  return line.length === 0 ? untitled : [...line].slice(0, titleMaxLength).join('');
}
