/**
 * A relative URL from one exported file to another (`/`-separated paths from the archive's
 * top), each segment percent-encoded, e.g. `../team/index.md`.
 */
export function relativeHref(fromFile: string, toFile: string): string {
  const from = fromFile.split('/').slice(0, -1);
  const to = toFile.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  const up = from.slice(common).map(() => '..');
  return [...up, ...to.slice(common)]
    .map((segment) => encodeURIComponent(segment))
    .join('/')
    .replace(/%2E%2E/g, '..');
}
