import { encodePageState, type PageState, pageStateHash } from '@lore/core';
import { revisionStoreContract } from '@lore/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { PostgresDatabase } from '../PostgresDatabase';
import { createTestDatabase, postgresAvailable, reportPostgresMissing } from '../testing';
import { PostgresRevisionStore } from './PostgresRevisionStore';

const available = postgresAvailable();
if (!available) reportPostgresMissing('PostgresRevisionStore');

/** A space and a page row, which revisions refer to (no users: their ids may be null). */
function createPage(db: PostgresDatabase, pageId: string): void {
  db.run(
    `INSERT INTO spaces (id, slug, name, created_at, updated_at)
     VALUES ('space', 'space', 'Space', 0, 0) ON CONFLICT DO NOTHING`,
  );
  db.run(
    `INSERT INTO pages (id, short_id, space_id, position, title, created_at, updated_at)
     VALUES ($1, $2, 'space', 'V', $1, 0, 0)`,
    [pageId, `s-${pageId}`],
  );
}

revisionStoreContract({ describe: describe.runIf(available), it }, 'PostgresRevisionStore', () => {
  const { db } = createTestDatabase();
  return {
    store: new PostgresRevisionStore(db),
    createPage: (pageId) => createPage(db, pageId),
    close: () => db.close(),
  };
});

/** A page of paragraphs, as the trace of someone writing it would leave it. */
const draft = (paragraphs: readonly string[]): PageState => ({
  title: 'Design notes',
  body: {
    type: 'doc',
    content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
  },
});

function insert(store: PostgresRevisionStore, pageId: string, state: PageState, number: number) {
  const text = encodePageState(state);
  return store.insertRevision({
    id: `${pageId}-${number}`,
    pageId,
    kind: 'auto',
    name: null,
    note: null,
    title: state.title,
    createdAt: number,
    createdBy: null,
    restoredFrom: null,
    contributors: ['u1'],
    contentHash: pageStateHash(text),
    contentText: text,
  });
}

describe.runIf(available)('PostgresRevisionStore', () => {
  const connections: PostgresDatabase[] = [];
  afterEach(async () => {
    for (const db of connections.splice(0)) await db.close();
  });
  const open = () => {
    const { db, url } = createTestDatabase();
    connections.push(db);
    return { db, url };
  };
  const connect = (url: string) => {
    const db = new PostgresDatabase({ url });
    connections.push(db);
    return db;
  };

  it('stores small changes as deltas, keeps chains bounded and reads every state back on another connection', () => {
    const { db, url } = open();
    createPage(db, 'p1');
    const store = new PostgresRevisionStore(db);
    const paragraphs = Array.from(
      { length: 120 },
      (_, index) =>
        `Paragraph ${index}: ${'some words that make a page of reasonable size '.repeat(3)}`,
    );
    const states: PageState[] = [];
    for (let round = 0; round < 300; round++) {
      paragraphs[(round * 37) % paragraphs.length] += ` edit ${round}`;
      if (round % 50 === 0) paragraphs.push(`A new paragraph in round ${round}.`);
      states.push(draft(paragraphs));
      insert(store, 'p1', states[round] as PageState, round + 1);
    }
    const stats = store.storageStats('p1');
    const lastText = encodePageState(states.at(-1) as PageState);
    expect(stats.revisions).toBe(300);
    expect(stats.states).toBe(300);
    // Whole copies would cost 300 × the page; deltas cost the changes plus a few whole copies.
    expect(stats.storedBytes).toBeLessThan(stats.textBytes / 50);
    const chains = db.one<{ longest: number; whole: number }>(
      `SELECT max(chain_length) AS longest, count(*) FILTER (WHERE base_hash IS NULL) AS whole
       FROM revision_states WHERE page_id = 'p1'`,
    );
    expect(chains?.longest).toBeLessThan(100);
    expect(chains?.whole).toBeGreaterThan(1);

    // Another process, with nothing cached, reads every state from the database alone.
    const fresh = new PostgresRevisionStore(connect(url), { cacheSize: 1 });
    states.forEach((state, index) => {
      const revision = fresh.findRevision(`p1-${index + 1}`);
      expect(fresh.readState('p1', revision?.contentHash ?? '')).toBe(encodePageState(state));
    });
    expect(fresh.readState('p1', pageStateHash(lastText))).toBe(lastText);
  });

  it('stores a state whole when a delta would not pay off', () => {
    const { db } = open();
    createPage(db, 'p1');
    const store = new PostgresRevisionStore(db);
    let seed = 7;
    const word = () => {
      seed = (seed * 48271) % 2147483647;
      return seed.toString(36);
    };
    insert(store, 'p1', draft(['alpha '.repeat(200)]), 1);
    // Nothing in common with the first: a delta would be the whole text plus its own overhead.
    insert(store, 'p1', draft(Array.from({ length: 40 }, () => `${word()} ${word()}`)), 2);
    const rows = db.query<{ base_hash: string | null }>(
      `SELECT s.base_hash FROM revision_states s
       JOIN page_revisions r ON r.page_id = s.page_id AND r.content_hash = s.hash
       WHERE s.page_id = $1 ORDER BY r.number`,
      ['p1'],
    );
    expect(rows.map((row) => row.base_hash)).toEqual([null, null]);
  });

  it('forgets a page history with the page', () => {
    const { db } = open();
    createPage(db, 'p1');
    const store = new PostgresRevisionStore(db);
    insert(store, 'p1', draft(['one']), 1);
    insert(store, 'p1', draft(['one', 'two']), 2);
    db.run('DELETE FROM pages WHERE id = $1', ['p1']);
    expect(store.storageStats('p1')).toEqual({
      revisions: 0,
      states: 0,
      storedBytes: 0,
      textBytes: 0,
    });
    expect(db.one('SELECT count(*) AS n FROM page_revision_contributors')).toEqual({ n: 0 });
  });

  it('numbers revisions from what the database holds, whichever process wrote the last one', () => {
    const { db, url } = open();
    createPage(db, 'p1');
    const first = new PostgresRevisionStore(db);
    const second = new PostgresRevisionStore(connect(url));
    expect(insert(first, 'p1', draft(['one']), 1).number).toBe(1);
    expect(insert(second, 'p1', draft(['one', 'two']), 2).number).toBe(2);
    expect(insert(first, 'p1', draft(['one']), 3).number).toBe(3);
    expect(second.readState('p1', first.latestRevision('p1')?.contentHash ?? '')).toBe(
      encodePageState(draft(['one'])),
    );
    expect(second.storageStats('p1')).toMatchObject({ revisions: 3, states: 2 });
  });

  it('keeps Yjs client ids beyond the signed 32-bit range', () => {
    const { db } = open();
    const store = new PostgresRevisionStore(db);
    store.recordClientAuthors('p1', [4_294_967_295, 3_000_000_000], 'u1');
    store.recordClientAuthors('p1', [], 'u2');
    expect([...store.clientAuthors('p1')].sort(([a], [b]) => a - b)).toEqual([
      [3_000_000_000, 'u1'],
      [4_294_967_295, 'u1'],
    ]);
  });
});
