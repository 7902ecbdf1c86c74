import type { Person, Revision } from '@lore/api';
import { useCallback, useEffect, useState } from 'react';
import type * as Y from 'yjs';
import type { ApiError } from '../api/ApiError';
import { queryKeys } from '../api/queryKeys';
import { useApiQuery } from '../api/useApiQuery';
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
  const changes = useDocChanges(doc, settleMs);
  const newest = useApiQuery(
    queryKeys.revisions(pageId, { limit: pageSize }),
    () => historyApi.list(pageId, { limit: pageSize }),
    { reloadOn: changes },
  );
  const [olderPages, setOlderPages] = useState<Revision[]>([]);
  const [olderCursor, setOlderCursor] = useState<number | null>(null);
  const [people, setPeople] = useState<ReadonlyMap<string, Person>>(new Map());
  const [olderError, setOlderError] = useState<ApiError | null>(null);
  const [loadingOlder, setLoadingOlder] = useState(false);

  const learnPeople = useCallback((more: readonly Person[]) => {
    if (more.length === 0) return;
    setPeople((known) => {
      const next = new Map(known);
      for (const person of more) next.set(person.id, person);
      return next;
    });
  }, []);

  useEffect(() => {
    if (!newest.data) return;
    learnPeople(newest.data.people);
    setOlderError(null);
  }, [newest.data, learnPeople]);

  // Older pages stay valid: revisions are only ever added at the top.
  const lowest = newest.data?.revisions.at(-1)?.number ?? 0;
  const older = olderPages.filter((revision) => revision.number < lowest);
  const cursor = older.length > 0 ? olderCursor : (newest.data?.nextBefore ?? null);
  const loadOlder = () => {
    if (cursor === null || loadingOlder) return;
    setLoadingOlder(true);
    historyApi.list(pageId, { limit: pageSize, before: cursor }).then(
      (answer) => {
        setOlderPages([...older, ...answer.revisions]);
        setOlderCursor(answer.nextBefore);
        learnPeople(answer.people);
        setLoadingOlder(false);
      },
      (failure: ApiError) => {
        setOlderError(failure);
        setLoadingOlder(false);
      },
    );
  };

  return {
    revisions: newest.data ? [...newest.data.revisions, ...older] : null,
    people,
    nextCaptureAt: newest.data?.nextCaptureAt ?? null,
    hasOlder: cursor !== null,
    loadingOlder,
    error: newest.error ?? olderError,
    reload: newest.reload,
    loadOlder,
    learnPeople,
  };
}
