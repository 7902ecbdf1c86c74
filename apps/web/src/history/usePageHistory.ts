import type { Person, Revision, RevisionList } from '@lore/api';
import { useCallback, useEffect, useState } from 'react';
import type * as Y from 'yjs';
import type { ApiError } from '../api/ApiError';
import { historyApi } from './historyApi';
import { useDocChanges } from './useDocChanges';

export interface PageHistory {
  /** Null while the first answer is on its way. */
  revisions: Revision[] | null;
  people: ReadonlyMap<string, Person>;
  nextCaptureAt: string | null;
  hasOlder: boolean;
  loadingOlder: boolean;
  error: ApiError | null;
  /** Fetches the newest revisions again (after a save or restore). */
  reload(): void;
  loadOlder(): void;
  /** Adds people named by another answer (a restore, a revision's content). */
  learnPeople(people: readonly Person[]): void;
}

const pageSize = 50;
/** Automatic revisions appear after a pause in editing; look again once editing settles. */
const settleMs = 4000;

/** The page's revisions, newest first, kept fresh while the history panel is open. */
export function usePageHistory(pageId: string, doc: Y.Doc | null): PageHistory {
  const [newest, setNewest] = useState<RevisionList | null>(null);
  const [older, setOlder] = useState<Revision[]>([]);
  const [olderCursor, setOlderCursor] = useState<number | null>(null);
  const [people, setPeople] = useState<ReadonlyMap<string, Person>>(new Map());
  const [error, setError] = useState<ApiError | null>(null);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [generation, setGeneration] = useState(0);
  const changes = useDocChanges(doc, settleMs);

  const learnPeople = useCallback((more: readonly Person[]) => {
    if (more.length === 0) return;
    setPeople((known) => {
      const next = new Map(known);
      for (const person of more) next.set(person.id, person);
      return next;
    });
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `generation` and `changes` are reload triggers.
  useEffect(() => {
    let current = true;
    historyApi.list(pageId, { limit: pageSize }).then(
      (answer) => {
        if (!current) return;
        setNewest(answer);
        learnPeople(answer.people);
        setError(null);
        // Older pages stay valid: revisions are only ever added at the top.
        setOlder((known) => {
          const lowest = answer.revisions.at(-1)?.number ?? 0;
          return known.filter((revision) => revision.number < lowest);
        });
      },
      (failure: ApiError) => current && setError(failure),
    );
    return () => {
      current = false;
    };
  }, [pageId, generation, changes, learnPeople]);

  const cursor = older.length > 0 ? olderCursor : (newest?.nextBefore ?? null);
  const loadOlder = () => {
    if (cursor === null || loadingOlder) return;
    setLoadingOlder(true);
    historyApi.list(pageId, { limit: pageSize, before: cursor }).then(
      (answer) => {
        setOlder((known) => [...known, ...answer.revisions]);
        setOlderCursor(answer.nextBefore);
        learnPeople(answer.people);
        setLoadingOlder(false);
      },
      (failure: ApiError) => {
        setError(failure);
        setLoadingOlder(false);
      },
    );
  };

  return {
    revisions: newest ? [...newest.revisions, ...older] : null,
    people,
    nextCaptureAt: newest?.nextCaptureAt ?? null,
    hasOlder: cursor !== null,
    loadingOlder,
    error,
    reload: () => setGeneration((n) => n + 1),
    loadOlder,
    learnPeople,
  };
}
