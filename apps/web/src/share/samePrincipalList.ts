import type { PrincipalList } from '@lore/api';

/** Whether two restriction lists name the same people and groups (in any order). */
export function samePrincipalList(a: PrincipalList | null, b: PrincipalList | null): boolean {
  if (a === null || b === null) return a === b;
  const same = (x: readonly string[], y: readonly string[]) =>
    x.length === y.length && x.every((id) => y.includes(id));
  return same(a.users, b.users) && same(a.groups, b.groups);
}
