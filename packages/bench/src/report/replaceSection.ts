/**
 * Replaces the Markdown section that starts with the line `heading` (up to the next heading of
 * the same or a higher level), or appends it at the end. Other sections are kept as they are.
 */
export function replaceSection(markdown: string, heading: string, section: string): string {
  const level = /^#+/.exec(heading)?.[0].length ?? 2;
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line.trim() === heading.trim());
  const body = section.replace(/\n+$/, '');
  if (start < 0) return `${markdown.replace(/\n*$/, '')}\n\n${body}\n`;
  let end = start + 1;
  while (end < lines.length) {
    const match = /^(#+)\s/.exec(lines[end] ?? '');
    if (match?.[1] && match[1].length <= level) break;
    end += 1;
  }
  const after = lines.slice(end).join('\n');
  return [...lines.slice(0, start), body, ...(after ? ['', after] : [''])].join('\n');
}

/** The text of the section starting with `heading`, or null when there is none. */
export function findSection(markdown: string, heading: string): string | null {
  const level = /^#+/.exec(heading)?.[0].length ?? 2;
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line.trim() === heading.trim());
  if (start < 0) return null;
  let end = start + 1;
  while (end < lines.length) {
    const match = /^(#+)\s/.exec(lines[end] ?? '');
    if (match?.[1] && match[1].length <= level) break;
    end += 1;
  }
  return lines.slice(start, end).join('\n').replace(/\n+$/, '');
}
