import { ValidationError } from '../DomainError';

/** Most tags one page may carry. */
export const maxTagsPerPage = 20;
/** Longest tag, in characters. */
export const maxTagLength = 40;

/** The form two tags are compared in: "Onboarding" and "onboarding" are one tag. */
export function tagKey(tag: string): string {
  return tag.toLocaleLowerCase('en-US');
}

/**
 * Cleans a list of tags as typed: whitespace trimmed and collapsed, a leading `#` dropped,
 * duplicates (ignoring case) removed keeping the first spelling. Throws a ValidationError naming
 * the first tag that is empty, too long, or holds control characters or commas (which people
 * use to separate tags, so a comma inside one is a typing mistake).
 */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const raw of tags) {
    const tag = raw.normalize('NFC').trim().replace(/^#/, '').replace(/\s+/g, ' ').trim();
    if (tag.length === 0) throw new ValidationError('A tag cannot be empty.');
    if ([...tag].length > maxTagLength) {
      throw new ValidationError(
        `The tag "${tag.slice(0, 20)}…" is longer than ${maxTagLength} characters.`,
      );
    }
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are refused
    if (/[\u0000-\u001f\u007f-\u009f,]/.test(tag)) {
      throw new ValidationError(`The tag "${tag}" contains a comma or a control character.`);
    }
    const key = tagKey(tag);
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(tag);
  }
  if (result.length > maxTagsPerPage) {
    throw new ValidationError(`A page can have at most ${maxTagsPerPage} tags.`);
  }
  return result;
}
