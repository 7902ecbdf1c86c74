/**
 * The tag list after typing `typed` into the tag box: the text split at commas, trimmed, a
 * leading `#` dropped, and added unless the page has it already (ignoring case). The server
 * checks the rest (length, count) and says why it refuses.
 */
export function addTag(tags: readonly string[], typed: string): string[] {
  const next = [...tags];
  for (const part of typed.split(',')) {
    const tag = part.trim().replace(/^#/, '').replace(/\s+/g, ' ').trim();
    if (tag === '') continue;
    const key = tag.toLocaleLowerCase('en-US');
    if (next.some((existing) => existing.toLocaleLowerCase('en-US') === key)) continue;
    next.push(tag);
  }
  return next;
}
