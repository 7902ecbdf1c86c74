import type { CommentThreadBody, ReactionSummaryBody } from '@lore/api';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import { queryKeys } from '../api/queryKeys';
import { type ApiQuery, useApiQuery } from '../api/useApiQuery';
import { discussionApi } from './discussionApi';

export interface Discussion {
  readonly threads: ApiQuery<{ threads: CommentThreadBody[] }>;
  readonly pageReactions: ApiQuery<{ reactions: ReactionSummaryBody[] }>;
  /** Loads threads and page reactions again (after a change made here). */
  refresh(): void;
}

/**
 * A page's threads and reactions, kept current: the page's comment stream (Server-Sent Events)
 * says when something changed, and the answers are loaded again. EventSource reconnects by
 * itself; after a reconnection everything is loaded again, as events may have been missed.
 * Nothing is asked while `enabled` is false (the page is not known to be readable yet).
 */
export function useDiscussion(pageId: string, enabled: boolean): Discussion {
  const queryClient = useQueryClient();
  const threads = useApiQuery(queryKeys.pageThreads(pageId), () => discussionApi.threads(pageId), {
    enabled,
  });
  const pageReactions = useApiQuery(
    queryKeys.pageReactions(pageId),
    () => discussionApi.pageReactions(pageId),
    { enabled },
  );
  const refreshThreads = useCallback(
    () => void queryClient.invalidateQueries({ queryKey: queryKeys.pageThreads(pageId) }),
    [queryClient, pageId],
  );
  const refreshReactions = useCallback(
    () => void queryClient.invalidateQueries({ queryKey: queryKeys.pageReactions(pageId) }),
    [queryClient, pageId],
  );

  useEffect(() => {
    // Only once the page is known to be readable: a refused stream is an error in the console.
    if (!enabled || typeof EventSource === 'undefined') return;
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | null = null;
    let interrupted = false;
    const connect = () => {
      source = new EventSource(`/api/pages/${encodeURIComponent(pageId)}/comments/stream`);
      source.addEventListener('threads', refreshThreads);
      source.addEventListener('reactions', refreshReactions);
      source.addEventListener('open', () => {
        if (!interrupted) return;
        interrupted = false;
        refreshThreads();
        refreshReactions();
      });
      source.addEventListener('error', () => {
        interrupted = true;
        // EventSource retries by itself unless the server refused the stream outright.
        if (source?.readyState !== EventSource.CLOSED) return;
        source = null;
        retry = setTimeout(connect, 10_000);
      });
    };
    connect();
    return () => {
      if (retry) clearTimeout(retry);
      source?.close();
    };
  }, [pageId, enabled, refreshThreads, refreshReactions]);

  return {
    threads,
    pageReactions,
    refresh: () => {
      refreshThreads();
      refreshReactions();
    },
  };
}
