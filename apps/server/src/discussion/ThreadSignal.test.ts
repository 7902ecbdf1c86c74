import type { DomainEventData } from '@lore/core';
import { MemoryEventLog } from '@lore/core/testing';
import { describe, expect, it } from 'vitest';
import { type ThreadChange, ThreadSignal } from './ThreadSignal';

const log = () => new MemoryEventLog();
const append = <T extends keyof DomainEventData>(
  events: MemoryEventLog,
  type: T,
  pageId: string,
  data: DomainEventData[T],
) => events.append({ type, pageId, spaceId: 'docs', actorId: 'sam', at: 0, data });
const replied = (threadId: string) => ({
  threadId,
  commentId: `${threadId}-r`,
  mentionedUserIds: [],
});

describe('ThreadSignal', () => {
  it('tells listeners of their page’s discussion events written after they subscribed', async () => {
    const events = log();
    append(events, 'comment.replied', 'p1', replied('before'));
    const signal = new ThreadSignal({ log: events, pollMs: 60_000 });
    const seen: ThreadChange[] = [];
    const unsubscribe = signal.subscribe('p1', (change) => seen.push(change));
    append(events, 'comment.replied', 'p1', replied('t1'));
    append(events, 'comment.replied', 'p2', replied('other page'));
    append(events, 'page.renamed', 'p1', { title: 'New', previousTitle: 'Old' });
    append(events, 'reaction.added', 'p1', { emoji: '👍', commentId: null, threadId: null });
    append(events, 'comment.thread_resolved', 'p1', { threadId: 't1' });
    signal.wake();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(seen).toEqual([{ threadId: 't1' }, { threadId: null }, { threadId: 't1' }]);
    unsubscribe();
    append(events, 'comment.replied', 'p1', replied('t2'));
    signal.wake();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(seen).toHaveLength(3);
    signal.close();
  });

  it('reads the outbox every poll without being woken: events of other processes', async () => {
    const events = log();
    const signal = new ThreadSignal({ log: events, pollMs: 20 });
    const seen: ThreadChange[] = [];
    signal.subscribe('p1', (change) => seen.push(change));
    append(events, 'comment.thread_reopened', 'p1', { threadId: 't1' });
    await expect.poll(() => seen, { timeout: 2_000 }).toEqual([{ threadId: 't1' }]);
    signal.close();
  });
});
