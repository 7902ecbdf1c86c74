import type { Person } from '@lore/api';
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
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
 * document settles after a change. Null until known, and while the server is unreachable.
 */
export function useLastEdit(pageId: string, doc: Y.Doc | null): LastEdit | null {
  const [lastEdit, setLastEdit] = useState<LastEdit | null>(null);
  const changes = useDocChanges(doc, settleMs);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `changes` is the reload trigger.
  useEffect(() => {
    let current = true;
    historyApi.list(pageId, { limit: 1 }).then(
      ({ lastEdit: { by, at }, people }) => {
        if (!current) return;
        setLastEdit({ by: people.find((person) => person.id === by) ?? null, at });
      },
      () => {
        // Offline or forbidden: keep what was shown; the line is informative only.
      },
    );
    return () => {
      current = false;
    };
  }, [pageId, changes]);

  return lastEdit;
}
