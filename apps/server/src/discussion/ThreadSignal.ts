import type { DomainEvent, DomainEventType, EventLog } from '@lore/core';

/** What changed in a page's discussion: a thread (by id), or the page's own reactions (null). */
export type ThreadChange = { readonly threadId: string | null };

export interface ThreadSignalOptions {
  /** The outbox every process of a cluster writes its discussion events to. */
  readonly log: Pick<EventLog, 'readAfter' | 'lastSeq'>;
  /**
   * How often the outbox is read anyway while someone listens: events written by another process
   * that this one was not told about (SQLite has no cross-process notice).
   */
  readonly pollMs: number;
  readonly onError?: (error: unknown) => void;
}

const discussionTypes: ReadonlySet<DomainEventType> = new Set<DomainEventType>([
  'comment.thread_created',
  'comment.replied',
  'comment.edited',
  'comment.deleted',
  'comment.thread_resolved',
  'comment.thread_reopened',
  'reaction.added',
  'reaction.removed',
]);

const batch = 500;

function changeOf(event: DomainEvent): ThreadChange | null {
  if (!discussionTypes.has(event.type) || event.pageId === null) return null;
  const data = event.data as { readonly threadId?: string | null };
  return { threadId: data.threadId ?? null };
}

/**
 * Tells this process's live comment streams that a page's discussion changed. It follows the
 * outbox from where it stood when the first stream subscribed: at once when an append is heard
 * (this process's, or another's through PostgreSQL's notice), and every `pollMs` anyway. Nothing
 * is read while no one listens, and nothing is kept: a stream that reconnects refetches.
 */
export class ThreadSignal {
  readonly #options: ThreadSignalOptions;
  readonly #listeners = new Map<string, Set<(change: ThreadChange) => void>>();
  #cursor: number | null = null;
  #poll: NodeJS.Timeout | null = null;
  #wakeScheduled: NodeJS.Timeout | null = null;

  constructor(options: ThreadSignalOptions) {
    this.#options = options;
  }

  /** Calls `listener` for every change to the page's threads; returns the unsubscribe. */
  subscribe(pageId: string, listener: (change: ThreadChange) => void): () => void {
    if (this.#listeners.size === 0) this.#follow();
    let set = this.#listeners.get(pageId);
    if (!set) {
      set = new Set();
      this.#listeners.set(pageId, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.#listeners.delete(pageId);
      if (this.#listeners.size === 0) this.#stop();
    };
  }

  /**
   * Events were appended. Called inside the writer's transaction, so the outbox is read a moment
   * later, once for a burst.
   */
  wake(): void {
    if (this.#cursor === null || this.#wakeScheduled) return;
    this.#wakeScheduled = setTimeout(() => {
      this.#wakeScheduled = null;
      this.#read();
    }, 5);
    this.#wakeScheduled.unref();
  }

  close(): void {
    this.#listeners.clear();
    this.#stop();
  }

  #follow(): void {
    try {
      this.#cursor = this.#options.log.lastSeq();
    } catch (error) {
      this.#options.onError?.(error);
      this.#cursor = 0;
    }
    this.#poll = setInterval(() => this.#read(), this.#options.pollMs);
    this.#poll.unref();
  }

  #stop(): void {
    if (this.#poll) clearInterval(this.#poll);
    if (this.#wakeScheduled) clearTimeout(this.#wakeScheduled);
    this.#poll = null;
    this.#wakeScheduled = null;
    this.#cursor = null;
  }

  #read(): void {
    try {
      for (;;) {
        if (this.#cursor === null) return;
        const events = this.#options.log.readAfter(this.#cursor, batch);
        for (const event of events) {
          this.#cursor = event.seq;
          const change = changeOf(event);
          if (change && event.pageId !== null) this.#notify(event.pageId, change);
        }
        if (events.length < batch) return;
      }
    } catch (error) {
      // The database may be briefly away; the next wake or poll tries again from the cursor.
      this.#options.onError?.(error);
    }
  }

  #notify(pageId: string, change: ThreadChange): void {
    for (const listener of [...(this.#listeners.get(pageId) ?? [])]) listener(change);
  }
}
