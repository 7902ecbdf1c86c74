import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@lore/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
    visibility: 'open',
    defaultRole: 'editor',
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

const body = { urgent: false, cascade: false } as const;
const metadata = { urgent: true, cascade: false } as const;
const moved = { urgent: true, cascade: true } as const;

describe('SqliteSearchOutbox', () => {
  it('holds body changes until the page is quiet, but urgent changes are due at once', () => {
    outbox.mark(['p1'], body);
    expect(due(60_000)).toEqual([]);
    outbox.mark(['p2'], metadata);
    const urgent = due(60_000);
    expect(ids(urgent)).toEqual(['p2']);
    outbox.done(urgent);
    // A page waiting takes the stronger flags.
    outbox.mark(['p1'], metadata);
    expect(ids(due(60_000))).toEqual(['p1']);
  });

  it('marks an entry done only when the page did not change again meanwhile', () => {
    outbox.mark(['p1'], metadata);
    const [entry] = due();
    expect(entry).toBeDefined();
    if (!entry) return;
    outbox.mark(['p1'], metadata);
    outbox.done([entry]);
    expect(ids(due())).toEqual(['p1']);
    outbox.done(due());
    expect(outbox.size()).toBe(0);
  });

  it('bumps the version of an entry the indexer already read, so done keeps the newer change', () => {
    const version = () =>
      db.prepare("SELECT version FROM search_outbox WHERE page_id = 'p1'").pluck().get();
    outbox.mark(['p1'], body);
    const [entry] = due();
    expect(entry?.version).toBe(1);
    outbox.mark(['p1'], body);
    expect(version()).toBe(2);
    outbox.done(entry ? [entry] : []);
    expect(ids(outbox.snapshot())).toEqual(['p1']);

    // A rebuild's snapshot claims every entry the same way.
    const covered = outbox.snapshot();
    outbox.mark(['p1'], body);
    outbox.done(covered);
    expect(ids(due())).toEqual(['p1']);
  });

  it('brings the pages below a renamed or trashed page along, and every page of a space', () => {
    pages.insertPage(page('root'));
    pages.insertPage(page('child', 'root'));
    pages.insertPage(page('grandchild', 'child'));
    pages.insertPage(page('other'));
    outbox.mark(['root'], moved);
    expect(ids(due())).toEqual(['child', 'grandchild', 'root']);
    outbox.done(due());
    outbox.markSpace('s1');
    expect(ids(due())).toEqual(['child', 'grandchild', 'other', 'root']);
  });

  it('keeps failed entries for a later retry, with the attempt count growing', () => {
    outbox.mark(['p1'], metadata);
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

  it('queues a page again when it is viewed (its popularity changed)', () => {
    new SqliteSearchPageFacts(db).addView('p9');
    expect(ids(due(60_000))).toEqual([]);
    expect(ids(due(0))).toEqual(['p9']);
  });
});

describe('SqliteSearchPageFacts', () => {
  it('tracks authors, views, lineage and which pages are searchable', () => {
    const facts = new SqliteSearchPageFacts(db);
    pages.insertPage(page('root'));
    pages.insertPage(page('child', 'root'));
    pages.insertPage(page('other'));
    pages.updateTitle('child', 'Child', 'u2', 9);
    facts.addAuthor('child', 'u1');
    facts.addAuthor('child', 'u2');
    facts.addAuthor('child', 'u2');
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
