import { randomUUID } from 'node:crypto';
import { PostgresAccountStore, PostgresDatabase, PostgresWatchStore } from '@lore/store-postgres';
import { openDatabase, SqliteAccountStore, SqliteWatchStore } from '@lore/store-sqlite';
import type { BenchDatabaseLocation } from '../cluster/ClusterBenchTarget';

/** What the discussion benchmark does straight in a target's database. */
export interface BenchDatabase {
  /**
   * Adds `count` member accounts (they never sign in) who all watch the page, in one transaction,
   * through Lore's own stores: thousands of accounts through the API would spend minutes hashing
   * passwords. Lore's processes must restart afterwards, so nothing they cache is stale.
   */
  seedWatchers(pageId: string, count: number): void;
  /** Notifications made so far about the thread (one per recipient). */
  countThreadNotifications(threadId: string): number;
  close(): Promise<void>;
}

const unusablePasswordHash = 'bench-accounts-never-sign-in';

function newWatchers(count: number, at: number) {
  const run = randomUUID().slice(0, 8);
  return Array.from({ length: count }, (_, index) => ({
    id: randomUUID(),
    email: `watcher-${run}-${index}@example.com`,
    displayName: `Watcher ${index}`,
    color: '#5b7fa6',
    role: 'member' as const,
    passwordHash: unusablePasswordHash,
    createdAt: at,
  }));
}

export function openBenchDatabase(location: BenchDatabaseLocation): BenchDatabase {
  if (location.engine === 'sqlite') {
    const db = openDatabase({ path: location.path });
    const accounts = new SqliteAccountStore(db);
    const watches = new SqliteWatchStore(db);
    const count = db.prepare<[string], { n: number }>(
      'SELECT count(*) AS n FROM notifications WHERE thread_id = ?',
    );
    return {
      seedWatchers(pageId, total) {
        const at = Date.now();
        const people = newWatchers(total, at);
        db.transaction(() => {
          for (const person of people) accounts.insertUser(person);
          watches.watchAll(
            people.map((person) => person.id),
            'page',
            pageId,
            at,
          );
        })();
      },
      countThreadNotifications: (threadId) => count.get(threadId)?.n ?? 0,
      close: async () => {
        db.close();
      },
    };
  }
  const db = new PostgresDatabase({ url: location.url, applicationName: 'lore bench' });
  const accounts = new PostgresAccountStore(db);
  const watches = new PostgresWatchStore(db);
  return {
    seedWatchers(pageId, total) {
      const at = Date.now();
      const people = newWatchers(total, at);
      db.transaction(() => {
        for (const person of people) accounts.insertUser(person);
        watches.watchAll(
          people.map((person) => person.id),
          'page',
          pageId,
          at,
        );
      });
    },
    countThreadNotifications: (threadId) =>
      Number(
        db.one<{ n: string }>('SELECT count(*) AS n FROM notifications WHERE thread_id = $1', [
          threadId,
        ])?.n ?? 0,
      ),
    close: () => db.close(),
  };
}
