import { StoreUnavailableError } from '@lore/core';
import { documentStoreContract } from '@lore/core/testing';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import type { PostgresDatabase } from '../PostgresDatabase';
import { createTestDatabase, postgresAvailable, reportPostgresMissing } from '../testing';
import { PostgresDocumentStore } from './PostgresDocumentStore';

const available = postgresAvailable();
if (!available) reportPostgresMissing('PostgresDocumentStore');

/** A pool as a Lore process would hold one; each pool is its own set of connections. */
const openPool = (url: string) => {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  pool.on('error', () => {});
  return pool;
};

documentStoreContract({ describe: describe.runIf(available), it }, 'PostgresDocumentStore', () => {
  const { db, url } = createTestDatabase();
  const pool = openPool(url);
  return {
    store: new PostgresDocumentStore(pool),
    close: async () => {
      await pool.end();
      await db.close();
    },
  };
});

const bytes = (...values: number[]) => Uint8Array.from(values);
/** A 16-bit tag as a two-byte update, so the order of updates can be read back. */
const tagged = (tag: number) => bytes(tag >> 8, tag & 0xff);
const tagsOf = (data: Uint8Array) =>
  Array.from({ length: data.length / 2 }, (_, index) => {
    const offset = index * 2;
    return ((data[offset] ?? 0) << 8) | (data[offset + 1] ?? 0);
  });

describe.runIf(available)('PostgresDocumentStore across processes', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  /** One database and `count` stores on it, each on its own pool, as separate processes would be. */
  const processes = (count: number, clock?: { now(): number }) => {
    const { db, url } = createTestDatabase();
    cleanups.push(() => db.close());
    const stores = Array.from({ length: count }, () => {
      const pool = openPool(url);
      cleanups.push(() => pool.end());
      return new PostgresDocumentStore(pool, clock ? { clock } : {});
    });
    return { db, url, stores };
  };

  it('gives concurrent appends from two processes distinct, gap-free numbers, loaded in order', async () => {
    const { stores } = processes(2);
    // Each batch is tagged: store, batch, item. The returned number is that of its last item.
    const batches = stores.flatMap((store, storeIndex) =>
      Array.from({ length: 40 }, (_, batchIndex) => {
        const size = 1 + ((batchIndex * 7 + storeIndex) % 3);
        const updates = Array.from({ length: size }, (_, item) =>
          tagged(storeIndex * 4096 + batchIndex * 8 + item),
        );
        return { store, updates };
      }),
    );
    const lastSeqs = await Promise.all(
      batches.map(({ store, updates }) => store.append('page', updates)),
    );

    const total = batches.reduce((sum, batch) => sum + batch.updates.length, 0);
    const loaded = await (stores[1] as PostgresDocumentStore).load('page');
    expect(loaded.lastSeq).toBe(total);
    expect(loaded.updates).toHaveLength(total);
    const taken = new Set<number>();
    batches.forEach(({ updates }, index) => {
      const last = lastSeqs[index] as number;
      updates.forEach((update, item) => {
        const seq = last - updates.length + 1 + item;
        expect(taken.has(seq)).toBe(false);
        taken.add(seq);
        expect(Array.from(loaded.updates[seq - 1] ?? [])).toEqual(Array.from(update));
      });
    });
    expect([...taken].sort((a, b) => a - b)).toEqual(
      Array.from({ length: total }, (_, index) => index + 1),
    );
  });

  it('group-commits appends to many pages from two processes, each page in call order', async () => {
    const { db, stores } = processes(2);
    const pages = Array.from({ length: 12 }, (_, index) => `page-${index}`);
    // Every store appends three batches to every page without waiting: most go in statements
    // that carry several pages (and two processes lock overlapping pages).
    const calls = stores.flatMap((store, storeIndex) =>
      [0, 1, 2].flatMap((round) =>
        pages.map((page, pageIndex) => {
          const updates = [tagged(storeIndex * 4096 + round * 256 + pageIndex * 2), tagged(1)];
          return { store, storeIndex, round, page, updates, done: store.append(page, updates) };
        }),
      ),
    );
    const lastSeqs = await Promise.all(calls.map((call) => call.done));
    for (const page of pages) {
      const loaded = await (stores[0] as PostgresDocumentStore).load(page);
      expect(loaded.lastSeq).toBe(12);
      const ofPage = calls
        .map((call, index) => ({ ...call, last: lastSeqs[index] as number }))
        .filter((call) => call.page === page);
      // Each call's numbers hold its own updates.
      for (const call of ofPage) {
        expect(Array.from(loaded.updates[call.last - 2] ?? [])).toEqual(
          Array.from(call.updates[0] ?? []),
        );
      }
      // One process's calls to one page are stored in the order they were made.
      for (const storeIndex of [0, 1]) {
        const mine = ofPage.filter((call) => call.storeIndex === storeIndex);
        const order = [...mine].sort((a, b) => a.last - b.last).map((call) => call.round);
        expect(order).toEqual([0, 1, 2]);
      }
    }
    const marks = db.query<{ page_id: string }>('SELECT page_id FROM content_change_marks');
    expect(marks.map((row) => row.page_id).sort()).toEqual([...pages].sort());
  });

  it('lets exactly one of two concurrent compactions of a page win', async () => {
    const { stores } = processes(2);
    const [first, second] = stores as [PostgresDocumentStore, PostgresDocumentStore];
    await first.append('page', [bytes(1), bytes(2), bytes(3)]);
    const results = await Promise.all([
      first.compact('page', bytes(10), 3),
      second.compact('page', bytes(20), 3),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    const loaded = await second.load('page');
    expect(Array.from(loaded.snapshot ?? [])).toEqual(results[0] ? [10] : [20]);
    expect(loaded.snapshotSeq).toBe(3);
    expect(loaded.updates).toEqual([]);
  });

  it('returns false at once while another process is compacting the page', async () => {
    const { url, stores } = processes(1);
    const store = stores[0] as PostgresDocumentStore;
    await store.append('page', [bytes(1), bytes(2)]);
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    cleanups.push(() => other.end());
    await other.query('BEGIN');
    await other.query(
      `SELECT pg_advisory_xact_lock(hashtextextended('lore.document.compact:' || $1, 0))`,
      ['page'],
    );

    const started = performance.now();
    expect(await store.compact('page', bytes(12), 2)).toBe(false);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect((await store.load('page')).snapshot).toBeNull();
    // Another page is not held up by the lock.
    await store.append('other', [bytes(5)]);
    expect(await store.compact('other', bytes(5), 1)).toBe(true);

    await other.query('COMMIT');
    expect(await store.compact('page', bytes(12), 2)).toBe(true);
    expect((await store.load('page')).updates).toEqual([]);
  });

  it('loses no update appended while another process compacts', async () => {
    const { stores } = processes(2);
    const [writer, compactor] = stores as [PostgresDocumentStore, PostgresDocumentStore];
    let writing = true;
    const appended: number[] = [];
    const writes = (async () => {
      for (let tag = 1; tag <= 300; tag++) {
        await writer.append('page', [tagged(tag)]);
        appended.push(tag);
      }
      writing = false;
    })();
    // The snapshot here is the concatenation of the updates it folds, so what it holds can be
    // read back and checked.
    let compactions = 0;
    while (writing) {
      const { snapshot, updates, lastSeq } = await compactor.load('page');
      if (updates.length === 0) continue;
      const folded = Buffer.concat([snapshot ?? bytes(), ...updates]);
      if (await compactor.compact('page', folded, lastSeq)) compactions += 1;
    }
    await writes;

    const loaded = await compactor.load('page');
    const all = [...tagsOf(loaded.snapshot ?? bytes()), ...loaded.updates.flatMap(tagsOf)];
    expect(all).toEqual(appended);
    expect(all).toHaveLength(300);
    expect(loaded.lastSeq).toBe(300);
    expect(loaded.snapshotSeq).toBe(tagsOf(loaded.snapshot ?? bytes()).length);
    expect(compactions).toBeGreaterThan(1);
  });

  it('marks the page changed for the event outbox at most once per 100 ms', async () => {
    let now = 1_000;
    const { db, stores } = processes(1, { now: () => now });
    const store = stores[0] as PostgresDocumentStore;
    const mark = (database: PostgresDatabase) =>
      database.one('SELECT first_at, last_at FROM content_change_marks WHERE page_id = $1', [
        'page',
      ]);
    await store.append('page', []);
    expect(mark(db)).toBeNull();
    await store.append('page', [bytes(1)]);
    expect(mark(db)).toEqual({ first_at: 1_000, last_at: 1_000 });
    now = 1_050;
    await store.append('page', [bytes(2)]);
    expect(mark(db)).toEqual({ first_at: 1_000, last_at: 1_000 });
    now = 1_100;
    await store.append('page', [bytes(3)]);
    expect(mark(db)).toEqual({ first_at: 1_000, last_at: 1_100 });
    const stamps = db.query<{ created_at: number }>(
      'SELECT created_at FROM document_updates WHERE doc_id = $1 ORDER BY seq',
      ['page'],
    );
    expect(stamps.map((row) => row.created_at)).toEqual([1_000, 1_050, 1_100]);
  });

  it('appends a large batch in one statement quickly', async () => {
    const { stores } = processes(1);
    const store = stores[0] as PostgresDocumentStore;
    const batch = Array.from({ length: 20_000 }, (_, index) => bytes(index % 256, 1, 2, 3));
    const started = performance.now();
    expect(await store.append('page', batch)).toBe(20_000);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect((await store.stats('page')).updateBytes).toBe(80_000);
  });

  it('reports an unreachable database as unavailable', async () => {
    const pool = openPool('postgresql://lore@localhost/lore?host=/nonexistent-lore-socket');
    cleanups.push(() => pool.end());
    const store = new PostgresDocumentStore(pool);
    await expect(store.append('page', [bytes(1)])).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store.compact('page', bytes(1), 1)).rejects.toBeInstanceOf(StoreUnavailableError);
  });
});
