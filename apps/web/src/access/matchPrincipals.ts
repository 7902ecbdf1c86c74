import type { Principal } from './Principal';

/**
 * The principals whose name (or email) contains `query`, case- and accent-insensitively: names
 * that start with it first, then the rest, each in the given order; at most `limit`.
 */
export function matchPrincipals(
  principals: readonly Principal[],
  query: string,
  limit: number,
): Principal[] {
  const wanted = fold(query.trim());
  if (wanted === '') return principals.slice(0, limit);
  const starts: Principal[] = [];
  const contains: Principal[] = [];
  for (const principal of principals) {
    const name = fold(principal.name);
    if (name.startsWith(wanted) || name.split(/\s+/).some((word) => word.startsWith(wanted))) {
      starts.push(principal);
    } else if (name.includes(wanted) || fold(principal.email ?? '').includes(wanted)) {
      contains.push(principal);
    }
  }
  return [...starts, ...contains].slice(0, limit);
}

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
