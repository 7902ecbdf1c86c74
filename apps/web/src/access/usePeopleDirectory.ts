import { useMemo } from 'react';
import { queryKeys } from '../api/queryKeys';
import { useApiQuery } from '../api/useApiQuery';
import { useCurrentUser } from '../session/useCurrentUser';
import { loadPeopleDirectory } from './loadPeopleDirectory';
import { type Principal, principalKey } from './Principal';

export interface PeopleDirectoryState {
  /** Everyone the person can pick, with `known` merged in. */
  principals: Principal[];
  /** False when only some people can be found (see `loadPeopleDirectory`). */
  complete: boolean;
  loading: boolean;
  error: string | null;
  /** The name of a person or group by kind and id, or null when nobody here knows it. */
  nameOf(kind: Principal['kind'], id: string): string | null;
}

/**
 * The people and groups to pick from, plus `known` ones the screen already has (a space's
 * members, say), which fill in what the directory cannot list. With `enabled` false only
 * `known` is used.
 */
export function usePeopleDirectory(
  known: readonly Principal[] = [],
  { enabled = true }: { enabled?: boolean } = {},
): PeopleDirectoryState {
  const me = useCurrentUser();
  const directory = useApiQuery(
    queryKeys.peopleDirectory(`${me.id}:${me.role}`),
    () => loadPeopleDirectory(me),
    { enabled },
  );

  return useMemo(() => {
    const merged = new Map<string, Principal>();
    for (const principal of known) merged.set(principalKey(principal), principal);
    for (const principal of directory.data?.principals ?? []) {
      merged.set(principalKey(principal), principal);
    }
    const principals = [...merged.values()].sort(
      (a, b) =>
        (a.kind === b.kind ? 0 : a.kind === 'group' ? -1 : 1) || a.name.localeCompare(b.name),
    );
    return {
      principals,
      complete: directory.data?.complete ?? false,
      loading: directory.loading,
      error: directory.error?.message ?? null,
      nameOf: (kind, id) => merged.get(principalKey({ kind, id }))?.name ?? null,
    };
  }, [known, directory.data, directory.loading, directory.error]);
}
