import {
  glossaryStoreContract,
  type PageSeeder,
  searchAnalyticsStoreContract,
  searchOutboxContract,
  searchPageFactsContract,
} from '@lore/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { PostgresDatabase } from '../PostgresDatabase';
import { createTestDatabase, postgresAvailable, reportPostgresMissing } from '../testing';
import { PostgresGlossaryStore } from './PostgresGlossaryStore';
import { PostgresSearchAnalyticsStore } from './PostgresSearchAnalyticsStore';
import { PostgresSearchOutbox } from './PostgresSearchOutbox';
import { PostgresSearchPageFacts } from './PostgresSearchPageFacts';

const available = postgresAvailable();
if (!available) reportPostgresMissing('Postgres search stores');
const runIf = describe.runIf(available);

/** Seeds two users, space `s1` and pages with raw SQL, as the page store writes them. */
function seed(db: PostgresDatabase): PageSeeder {
  db.exec(`
    INSERT INTO users (id, email, display_name, color, role, password_hash, created_at, updated_at)
    VALUES ('u1', 'u1@example.com', 'U1', '#123456', 'member', 'x', 0, 0),
           ('u2', 'u2@example.com', 'U2', '#123456', 'member', 'x', 0, 0);
    INSERT INTO spaces (id, slug, name, created_at, updated_at)
    VALUES ('s1', 's1', 'Engineering', 0, 0);
  `);
  return {
    insertPage: (id, parentId = null) =>
      void db.run(
        `INSERT INTO pages (id, short_id, space_id, parent_id, position, title, created_at, updated_at)
         VALUES ($1, $2, 's1', $3, 'V', $4, 0, 0)`,
        [id, `s-${id}`, parentId, `Title ${id}`],
      ),
    renamePage: (id, title) =>
      void db.run('UPDATE pages SET title = $2 WHERE id = $1', [id, title]),
    trashPage: (id) => void db.run('UPDATE pages SET deleted_at = 4 WHERE id = $1', [id]),
  };
}

searchOutboxContract({ describe: runIf, it }, 'PostgreSQL', () => {
  const { db } = createTestDatabase();
  const column = <T>(name: string, pageId: string) =>
    (db.one<Record<string, T>>(`SELECT ${name} AS v FROM search_outbox WHERE page_id = $1`, [
      pageId,
    ])?.v ?? null) as T | null;
  return {
    outbox: new PostgresSearchOutbox(db),
    facts: new PostgresSearchPageFacts(db),
    pages: seed(db),
    makeRetriesDue: () => void db.run('UPDATE search_outbox SET retry_at = 0'),
    lastError: (pageId) => column<string>('last_error', pageId),
    version: (pageId) => column<number>('version', pageId),
    close: () => db.close(),
  };
});

searchPageFactsContract({ describe: runIf, it }, 'PostgreSQL', () => {
  const { db } = createTestDatabase();
  return { facts: new PostgresSearchPageFacts(db), pages: seed(db), close: () => db.close() };
});

glossaryStoreContract({ describe: runIf, it }, 'PostgreSQL', () => {
  const { db } = createTestDatabase();
  return { store: new PostgresGlossaryStore(db), close: () => db.close() };
});

searchAnalyticsStoreContract({ describe: runIf, it }, 'PostgreSQL', () => {
  const { db } = createTestDatabase();
  return {
    store: new PostgresSearchAnalyticsStore(db),
    storedClicks: () =>
      db.one<{ n: number }>('SELECT count(*)::integer AS n FROM search_clicks')?.n ?? 0,
    close: () => db.close(),
  };
});

const closing: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closing.splice(0)) await close();
});

runIf('PostgresSearchOutbox in a cluster', () => {
  it('leases due entries to one indexer until done, failed or the lease runs out', () => {
    const { db, url } = createTestDatabase();
    const other = new PostgresDatabase({ url });
    closing.push(
      () => db.close(),
      () => other.close(),
    );
    const mine = new PostgresSearchOutbox(db, { leaseMs: 60_000 });
    const theirs = new PostgresSearchOutbox(other, { leaseMs: 60_000 });
    const due = (outbox: PostgresSearchOutbox) =>
      outbox.due({ quietMs: 0, maxWaitMs: 60_000, limit: 2 }).map((entry) => entry.pageId);
    mine.mark(['p1', 'p2', 'p3'], { urgent: true, cascade: false });
    const first = mine.due({ quietMs: 0, maxWaitMs: 60_000, limit: 2 });
    expect(first.map((entry) => entry.pageId).sort()).toEqual(['p1', 'p2']);
    // The other indexer gets only what is not leased.
    expect(due(theirs)).toEqual(['p3']);
    // Asking again returns one's own leases, never the other's.
    expect(due(theirs)).toEqual(['p3']);
    // Changed again while leased: it stays with its holder, which gives it up on done.
    theirs.mark(['p1'], { urgent: true, cascade: false });
    expect(due(theirs)).toEqual(['p3']);
    mine.done(first);
    expect(due(theirs).sort()).toEqual(['p1', 'p3']);
    expect(mine.size()).toBe(2);
    expect(due(mine)).toEqual([]);
    // A holder that died: once its lease ran out, another indexer takes the entry.
    other.run('UPDATE search_outbox SET claimed_until = 1');
    expect(due(mine).sort()).toEqual(['p1', 'p3']);
    theirs.failed([{ pageId: 'p3', version: 1, attempts: 0 }], 'engine down', () => 0);
    // Failing an entry another holds now records the failure but leaves the lease alone.
    expect(due(theirs)).toEqual([]);
  });
});
