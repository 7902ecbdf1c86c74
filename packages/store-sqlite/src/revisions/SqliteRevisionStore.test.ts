import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodePageState, type PageState, pageStateHash } from '@lore/core';
import { revisionStoreContract } from '@lore/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../openDatabase';
import { SqliteRevisionStore } from './SqliteRevisionStore';

const tempDirs: string[] = [];
const tempDbPath = () => {
  const dir = mkdtempSync(join(tmpdir(), 'lore-revisions-'));
  tempDirs.push(dir);
  return join(dir, 'lore.db');
};

afterEach(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A space and a page row, which revisions refer to (no users: their ids may be null). */
function createPage(db: Db, pageId: string): void {
  db.prepare(
    `INSERT OR IGNORE INTO spaces (id, slug, name, created_at, updated_at)
     VALUES ('space', 'space', 'Space', 0, 0)`,
  ).run();
  db.prepare(
    `INSERT INTO pages (id, short_id, space_id, position, title, created_at, updated_at)
     VALUES (?, ?, 'space', 'V', ?, 0, 0)`,
  ).run(pageId, `s-${pageId}`, pageId);
}

revisionStoreContract({ describe, it }, 'SqliteRevisionStore', () => {
  const db = openDatabase({ path: tempDbPath() });
  return {
    store: new SqliteRevisionStore(db),
    createPage: (pageId) => createPage(db, pageId),
    close: () => {
      db.close();
    },
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

function insert(store: SqliteRevisionStore, pageId: string, state: PageState, number: number) {
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

describe('SqliteRevisionStore', () => {
  it('stores small changes as deltas, keeps chains bounded and reads every state back after a reopen', () => {
    const path = tempDbPath();
    const db = openDatabase({ path });
    createPage(db, 'p1');
    const store = new SqliteRevisionStore(db);
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
    const chains = db
      .prepare(
        `SELECT max(chain_length) AS longest, sum(base_hash IS NULL) AS whole
         FROM revision_states WHERE page_id = 'p1'`,
      )
      .get() as { longest: number; whole: number };
    expect(chains.longest).toBeLessThan(100);
    expect(chains.whole).toBeGreaterThan(1);
    db.close();

    const reopened = openDatabase({ path });
    const fresh = new SqliteRevisionStore(reopened, { cacheSize: 1 });
    states.forEach((state, index) => {
      const revision = fresh.findRevision(`p1-${index + 1}`);
      expect(fresh.readState('p1', revision?.contentHash ?? '')).toBe(encodePageState(state));
    });
    expect(fresh.readState('p1', pageStateHash(lastText))).toBe(lastText);
    reopened.close();
  });

  it('stores a state whole when a delta would not pay off', () => {
    const db = openDatabase({ path: tempDbPath() });
    createPage(db, 'p1');
    const store = new SqliteRevisionStore(db);
    let seed = 7;
    const word = () => {
      seed = (seed * 48271) % 2147483647;
      return seed.toString(36);
    };
    insert(store, 'p1', draft(['alpha '.repeat(200)]), 1);
    // Nothing in common with the first: a delta would be the whole text plus its own overhead.
    insert(store, 'p1', draft(Array.from({ length: 40 }, () => `${word()} ${word()}`)), 2);
    const rows = db
      .prepare('SELECT base_hash FROM revision_states WHERE page_id = ? ORDER BY rowid')
      .all('p1') as { base_hash: string | null }[];
    expect(rows.map((row) => row.base_hash)).toEqual([null, null]);
    db.close();
  });

  it('forgets a page history with the page', () => {
    const db = openDatabase({ path: tempDbPath() });
    createPage(db, 'p1');
    const store = new SqliteRevisionStore(db);
    insert(store, 'p1', draft(['one']), 1);
    insert(store, 'p1', draft(['one', 'two']), 2);
    db.prepare('DELETE FROM pages WHERE id = ?').run('p1');
    expect(store.storageStats('p1')).toEqual({
      revisions: 0,
      states: 0,
      storedBytes: 0,
      textBytes: 0,
    });
    expect(db.prepare('SELECT count(*) AS n FROM page_revision_contributors').get()).toEqual({
      n: 0,
    });
    db.close();
  });
});
