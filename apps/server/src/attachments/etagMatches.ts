/**
 * Whether an `If-None-Match` header names `etag` (a quoted strong tag): `*`, or a list whose
 * members compare weakly, as RFC 9110 asks for this header.
 */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .includes(etag);
}
