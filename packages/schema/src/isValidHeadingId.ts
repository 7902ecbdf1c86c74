/**
 * Whether a heading id is safe to keep as stored: a short slug of letters, digits, `-` and `_`.
 * Anything else (spaces, quotes, very long values) is regenerated from the heading text.
 */
export function isValidHeadingId(id: unknown): id is string {
  return typeof id === 'string' && /^[\p{L}\p{M}\p{N}_-]{1,100}$/u.test(id);
}
