import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@lore/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteDocumentStore } from '../documents/SqliteDocumentStore';
import { type Db, openDatabase } from '../openDatabase';
import { SqlitePageStore } from '../pages/SqlitePageStore';
import { SqliteSpaceStore } from '../pages/SqliteSpaceStore';
import { SqliteSearchOutbox } from './SqliteSearchOutbox';
import { SqliteSearchPageFacts } from './SqliteSearchPageFacts';

let dir: string;
let db: Db;
let outbox: SqliteSearchOutbox;
let pages: SqlitePageStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lore-outbox-'));
  db = openDatabase({ path: join(dir, 'lore.db') });
  outbox = new SqliteSearchOutbox(db);
  pages = new SqlitePageStore(db);
  db.prepare(
    `INSERT INTO users (id, email, display_name, color, role, password_hash, created_at, updated_at)
     VALUES ('u1', 'a@example.com', 'A', '#000000', 'admin', 'x', 1, 1),
            ('u2', 'b@example.com', 'B', '#000000', 'member', 'x', 1, 1)`,
  ).run();
  new SqliteSpaceStore(db).insertSpace({
    id: 's1',
    slug: 'eng',
    name: 'Engineering',
    description: '',
    createdBy: 'u1',
    createdAt: 1,
    updatedAt: 1,
  });
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const page = (id: string, parentId: string | null = null): Page => ({
  id,
  shortId: `short-${id}`,
  spaceId: 's1',
  parentId,
  position: 'a0',
  title: `Title ${id}`,
  icon: null,
  createdBy: 'u1',
  createdAt: 1,
  updatedBy: 'u1',
  updatedAt: 1,
  deletedAt: null,
  deletedBy: null,
});
const due = (quietMs = 0) => outbox.due({ quietMs, maxWaitMs: 60_000, limit: 100 });
const ids = (entries: { pageId: string }[]) => entries.map((entry) => entry.pageId).sort();

describe('SqliteSearchOutbox', () => {
  it('records a document edit in the transaction that stores it, and nothing when it rolls back', async () => {
    const documents = new SqliteDocumentStore(db);
    await documents.append('p1', [Uint8Array.of(1)]);
    expect(ids(due())).toEqual(['p1']);
    await expect(documents.append('p2', [Uint8Array.of(1), 'x' as never])).rejects.toThrow();
    expect(ids(outbox.snapshot())).toEqual(['p1']);
  });

  it('holds body edits until the page is quiet, but metadata changes are due at once', async () => {
    await new SqliteDocumentStore(db).append('p1', [Uint8Array.of(1)]);
    expect(due(60_000)).toEqual([]);
    pages.insertPage(page('p2'));
    expect(ids(due(60_000))).toEqual(['p2']);
    pages.updateTitle('p1', 'x', 'u1', 2);
    expect(ids(due(60_000))).toEqual(['p2']);
  });

  it('marks an entry done only when the page did not change again meanwhile', async () => {
    pages.insertPage(page('p1'));
    const [entry] = due();
    expect(entry).toBeDefined();
    if (!entry) return;
    pages.updateTitle('p1', 'Renamed', 'u2', 5);
    outbox.done([entry]);
    expect(ids(due())).toEqual(['p1']);
    outbox.done(due());
    expect(outbox.size()).toBe(0);
  });

  it('marks a page once per 100 ms of body edits, but always after the indexer read it', async () => {
    const documents = new SqliteDocumentStore(db);
    const version = () =>
      db.prepare("SELECT version FROM search_outbox WHERE page_id = 'p1'").pluck().get();
    await documents.append('p1', [Uint8Array.of(1)]);
    for (let index = 0; index < 20; index++) await documents.append('p1', [Uint8Array.of(2)]);
    // A burst of edits: the entry stays unread, so marking it again would add nothing.
    expect(version()).toBe(1);

    // Read by the indexer: the next edit must bump the version even within the 100 ms, or
    // `done` would drop an entry whose edit the indexer did not see.
    const [entry] = due();
    expect(entry?.version).toBe(1);
    await documents.append('p1', [Uint8Array.of(3)]);
    expect(version()).toBe(2);
    outbox.done(entry ? [entry] : []);
    expect(ids(outbox.snapshot())).toEqual(['p1']);

    // A rebuild's snapshot claims every entry the same way.
    const covered = outbox.snapshot();
    await documents.append('p1', [Uint8Array.of(4)]);
    outbox.done(covered);
    expect(ids(due())).toEqual(['p1']);

    // Once 100 ms have passed, an unread entry is marked again too (changed_at moves on).
    const settled = due();
    await documents.append('p1', [Uint8Array.of(5)]);
    const before = version();
    db.prepare('UPDATE search_outbox SET changed_at = changed_at - 1000, claimed = 0').run();
    await documents.append('p1', [Uint8Array.of(6)]);
    expect(version()).toBe((before as number) + 1);
    outbox.done(settled);
    expect(outbox.size()).toBe(1);
  });

  it('brings the pages below a renamed or trashed page along', () => {
    pages.insertPage(page('root'));
    pages.insertPage(page('child', 'root'));
    pages.insertPage(page('grandchild', 'child'));
    pages.insertPage(page('other'));
    outbox.done(due());
    pages.setDeleted('root', { at: 3, by: 'u1' });
    expect(ids(due())).toEqual(['child', 'grandchild', 'root']);
    outbox.done(due());
    db.prepare(`UPDATE spaces SET name = 'Platform' WHERE id = 's1'`).run();
    expect(ids(due())).toEqual(['child', 'grandchild', 'other', 'root']);
  });

  it('keeps failed entries for a later retry, with the attempt count growing', () => {
    pages.insertPage(page('p1'));
    const entries = due();
    outbox.failed(entries, 'engine down', () => Date.now() + 60_000);
    expect(due()).toEqual([]);
    expect(outbox.size()).toBe(1);
    db.prepare('UPDATE search_outbox SET retry_at = 0').run();
    const [retry] = due();
    expect(retry?.attempts).toBe(1);
    const row = db.prepare('SELECT last_error FROM search_outbox').get() as { last_error: string };
    expect(row.last_error).toBe('engine down');
  });
});

describe('SqliteSearchPageFacts', () => {
  it('tracks authors, views, lineage and which pages are searchable', () => {
    const facts = new SqliteSearchPageFacts(db);
    pages.insertPage(page('root'));
    pages.insertPage(page('child', 'root'));
    pages.insertPage(page('other'));
    pages.updateTitle('child', 'Child', 'u2', 9);
    expect(facts.authors('child')).toEqual(['u1', 'u2']);
    expect(facts.views('child')).toBe(0);
    facts.addView('child');
    facts.addView('child');
    expect(facts.views('child')).toBe(2);
    expect(facts.lineage('child').map((p) => p.title)).toEqual(['Child', 'Title root']);
    expect(facts.lineage('nope')).toEqual([]);
    expect(facts.searchablePageIds().sort()).toEqual(['child', 'other', 'root']);
    pages.setDeleted('root', { at: 4, by: 'u1' });
    expect(facts.searchablePageIds()).toEqual(['other']);
  });
});
