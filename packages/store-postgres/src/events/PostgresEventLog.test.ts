import {
  type DomainEvent,
  EventDispatcher,
  type NewDomainEvent,
  StoreUnavailableError,
} from '@lore/core';
import { eventOutboxContract } from '@lore/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { PostgresDatabase } from '../PostgresDatabase';
import { PostgresError } from '../PostgresError';
import { createTestDatabase, postgresAvailable, reportPostgresMissing } from '../testing';
import { PostgresConsumerState } from './PostgresConsumerState';
import { PostgresEventListener } from './PostgresEventListener';
import { PostgresEventLog } from './PostgresEventLog';

const available = postgresAvailable();
if (!available) reportPostgresMissing('PostgresEventLog');

// What the document store does in its append transaction.
const markContentChanged = (db: PostgresDatabase, pageId: string, at: number) =>
  db.run(
    `INSERT INTO content_change_marks (page_id, first_at, last_at) VALUES ($1, $2, $2)
     ON CONFLICT (page_id) DO UPDATE SET last_at = excluded.last_at
     WHERE excluded.last_at - content_change_marks.last_at >= 100`,
    [pageId, at],
  );

eventOutboxContract({ describe: describe.runIf(available), it }, 'PostgreSQL', () => {
  const { db } = createTestDatabase();
  return {
    log: new PostgresEventLog(db),
    state: new PostgresConsumerState(db),
    markContentChanged: (pageId, at) => void markContentChanged(db, pageId, at),
    close: () => db.close(),
  };
});

const renamed = (pageId: string, title: string): NewDomainEvent => ({
  type: 'page.renamed',
  pageId,
  spaceId: 's',
  actorId: 'u',
  at: 0,
  data: { title, previousTitle: '' },
});

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const closing: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closing.splice(0).reverse()) await close();
});

/** A Lore process: its own connection, outbox ports and dispatcher, on a shared database. */
function process(url: string, name: string, handle: (event: DomainEvent) => Promise<void>) {
  const db = new PostgresDatabase({ url, applicationName: name });
  const log = new PostgresEventLog(db);
  const state = new PostgresConsumerState(db);
  const dispatcher = new EventDispatcher({
    log,
    state,
    consumers: [{ name: 'search', types: ['page.renamed'], handle }],
    clock: { now: () => Date.now() },
    pollMs: 10,
  });
  closing.push(async () => {
    await dispatcher.close();
    await db.close();
  });
  return { db, log, state, dispatcher };
}

describe.runIf(available)('PostgresEventLog in a cluster', () => {
  it('numbers appends in commit order: an append waits for one not yet committed', async () => {
    const { db, url } = createTestDatabase();
    closing.push(() => db.close());
    const other = new PostgresDatabase({ url });
    closing.push(() => other.close());
    const log = new PostgresEventLog(db);
    const otherLog = new PostgresEventLog(other);
    other.run("SET lock_timeout = '100ms'");
    let blocked: unknown = null;
    db.transaction(() => {
      log.append(renamed('p1', 'first'));
      // Not committed yet: a reader sees nothing, and another writer may not take a number.
      expect(otherLog.readAfter(0, 10)).toEqual([]);
      expect(otherLog.lastSeq()).toBe(0);
      try {
        otherLog.append(renamed('p2', 'second'));
      } catch (error) {
        blocked = error;
      }
    });
    expect(blocked).toBeInstanceOf(PostgresError);
    expect((blocked as PostgresError).code).toBe('55P03');
    const second = otherLog.append(renamed('p2', 'second'));
    expect(otherLog.readAfter(0, 10).map((event) => [event.seq, event.pageId])).toEqual([
      [second - 1, 'p1'],
      [second, 'p2'],
    ]);
  });

  it('keeps the last number once retention removed every event', () => {
    const { db } = createTestDatabase();
    closing.push(() => db.close());
    const log = new PostgresEventLog(db);
    log.append(renamed('p1', 'a'));
    const last = log.append(renamed('p1', 'b'));
    expect(log.prune(1, last)).toBe(2);
    expect(log.count()).toBe(0);
    expect(log.lastSeq()).toBe(last);
    expect(log.append(renamed('p1', 'c'))).toBeGreaterThan(last);
  });

  it('delivers every event once across two dispatchers, in order per page', async () => {
    const { db, url } = createTestDatabase();
    closing.push(() => db.close());
    const delivered: { by: string; seq: number; pageId: string | null }[] = [];
    const handler = (by: string) => async (event: DomainEvent) => {
      delivered.push({ by, seq: event.seq, pageId: event.pageId });
      // Yield so that the other process polls while this one is mid-batch.
      await new Promise((resolve) => setTimeout(resolve, 1));
    };
    const a = process(url, 'a', handler('a'));
    const b = process(url, 'b', handler('b'));
    const pages = ['p1', 'p2', 'p3', 'p4'];
    const appended: number[] = [];
    for (let i = 0; i < 40; i++) {
      const writer = i % 2 === 0 ? a : b;
      appended.push(writer.log.append(renamed(pages[i % pages.length] as string, `t${i}`)));
    }
    a.dispatcher.start();
    b.dispatcher.start();
    for (let i = 40; i < 80; i++) {
      const writer = i % 3 === 0 ? a : b;
      appended.push(writer.log.append(renamed(pages[i % pages.length] as string, `t${i}`)));
      if (i % 10 === 0) await new Promise((resolve) => setTimeout(resolve, 15));
    }
    await until(() => delivered.length >= appended.length, 'every event');
    // A little longer: a duplicate would show up now.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(delivered.map((delivery) => delivery.seq)).toEqual(appended);
    for (const page of pages) {
      const seqs = delivered.filter((d) => d.pageId === page).map((d) => d.seq);
      expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
    }
    expect(a.state.cursor('search')).toBe(appended.at(-1));
  });

  it('hands the consumer over when the process delivering it loses its connection mid-batch', async () => {
    const { db, url } = createTestDatabase();
    closing.push(() => db.close());
    const seen: { by: string; seq: number }[] = [];
    let unstick: () => void = () => {};
    const stuck = new Promise<void>((resolve) => {
      unstick = resolve;
    });
    const a = process(url, 'a', async (event) => {
      seen.push({ by: 'a', seq: event.seq });
      // The third event never finishes here: the process is about to die.
      if (seen.length === 3) await stuck;
    });
    // Before a's dispatcher closes (that waits for the stuck delivery).
    closing.push(async () => unstick());
    const seqs: number[] = [];
    for (let i = 0; i < 6; i++) seqs.push(a.log.append(renamed('p1', `t${i}`)));
    a.dispatcher.start();
    await until(() => seen.length === 3, 'a to get stuck on its third event');
    const b = process(url, 'b', async (event) => void seen.push({ by: 'b', seq: event.seq }));
    b.dispatcher.start();
    await new Promise((resolve) => setTimeout(resolve, 60));
    // A still holds the claim: B delivered nothing.
    expect(seen.filter((s) => s.by === 'b')).toEqual([]);
    await a.db.close();
    await until(() => seen.length === 7, 'b to take over');
    expect(seen).toEqual([
      { by: 'a', seq: seqs[0] },
      { by: 'a', seq: seqs[1] },
      { by: 'a', seq: seqs[2] },
      // The event a was handling when it died is delivered again; nothing else is.
      { by: 'b', seq: seqs[2] },
      { by: 'b', seq: seqs[3] },
      { by: 'b', seq: seqs[4] },
      { by: 'b', seq: seqs[5] },
    ]);
  });

  it('refuses a claim held elsewhere, and refuses a save once the claim was lost', () => {
    const { db, url } = createTestDatabase();
    closing.push(() => db.close());
    const first = new PostgresDatabase({ url, applicationName: 'first' });
    closing.push(() => first.close());
    const mine = new PostgresConsumerState(first);
    const theirs = new PostgresConsumerState(db);
    expect(mine.claim('search')).toBe(true);
    expect(mine.claim('search')).toBe(true);
    expect(theirs.claim('search')).toBe(false);
    expect(theirs.claim('links')).toBe(true);
    expect(mine.setCursor('search', 3)).toBe(true);
    // The first connection is cut; its next statement reconnects, without the lock.
    db.run(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'first'",
    );
    expect(theirs.claim('search')).toBe(true);
    let saved: boolean | null = null;
    for (let attempt = 0; attempt < 3 && saved === null; attempt++) {
      try {
        saved = mine.setCursor('search', 9);
      } catch (error) {
        expect(error).toBeInstanceOf(StoreUnavailableError);
      }
    }
    expect(saved).toBe(false);
    expect(theirs.cursor('search')).toBe(3);
    expect(theirs.setCursor('search', 4)).toBe(true);
    // Released, the claim is free for the other again.
    theirs.release('search');
    expect(mine.claim('search')).toBe(true);
  });

  it('wakes listeners in other processes when an append commits, and after reconnecting', async () => {
    const { db, url } = createTestDatabase();
    closing.push(() => db.close());
    const log = new PostgresEventLog(db);
    let wakes = 0;
    const listener = new PostgresEventListener({
      url: `${url}&application_name=listener`,
      onAppend: () => wakes++,
      reconnectMs: 20,
    });
    closing.push(() => listener.close());
    await listener.start();
    // Rolled back: no notification.
    expect(() =>
      db.transaction(() => {
        log.append(renamed('p1', 'gone'));
        throw new Error('rolled back');
      }),
    ).toThrow('rolled back');
    log.append(renamed('p1', 'kept'));
    await until(() => wakes === 1, 'the notification');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(wakes).toBe(1);
    db.run(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'listener'",
    );
    // Reconnected, it wakes once for whatever it may have missed, then hears appends again.
    await until(() => wakes === 2, 'the wake after reconnecting');
    log.append(renamed('p1', 'again'));
    await until(() => wakes === 3, 'a notification after reconnecting');
  });
});
