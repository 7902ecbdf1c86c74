import type { Person } from '@lore/api';
import type * as Y from 'yjs';
import { queryKeys } from '../api/queryKeys';
import { useApiQuery } from '../api/useApiQuery';
import { historyApi } from './historyApi';
import { useDocChanges } from './useDocChanges';

export interface LastEdit {
  /** Null when the last editor is unknown (e.g. their account is gone). */
  by: Person | null;
  /** ISO 8601. */
  at: string;
}

/** How long after the last keystroke the server has surely recorded who made it. */
const settleMs = 2500;

/**
 * Who last edited the page and when, from the versions API; asked again whenever the live
 * document settles after a change. Null until known; offline or forbidden, what was shown stays
 * (the line is informative only).
 */
export function useLastEdit(pageId: string, doc: Y.Doc | null): LastEdit | null {
  const changes = useDocChanges(doc, settleMs);
  const { data } = useApiQuery(
    queryKeys.revisions(pageId, { limit: 1 }),
    () => historyApi.list(pageId, { limit: 1 }),
    { reloadOn: changes },
  );
  if (!data) return null;
  const { by, at } = data.lastEdit;
  return { by: data.people.find((person) => person.id === by) ?? null, at };
}
