/** The smallest single replacement that turns one string into another. */
export interface TextChange {
  index: number;
  deleteCount: number;
  insert: string;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * What changed between `before` and `after`, as one replacement around the common prefix and
 * suffix, or `null` when they are equal. Applying this instead of replacing the whole text lets
 * concurrent edits by others elsewhere in the text survive. It never splits a surrogate pair,
 * so no peer ever sees half an emoji.
 */
export function textChange(before: string, after: string): TextChange | null {
  if (before === after) return null;
  let start = 0;
  const shortest = Math.min(before.length, after.length);
  while (start < shortest && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) start--;

  let endBefore = before.length;
  let endAfter = after.length;
  while (
    endBefore > start &&
    endAfter > start &&
    before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)
  ) {
    endBefore--;
    endAfter--;
  }
  if (endBefore < before.length && isLowSurrogate(before.charCodeAt(endBefore))) {
    endBefore++;
    endAfter++;
  }
  return {
    index: start,
    deleteCount: endBefore - start,
    insert: after.slice(start, endAfter),
  };
}
