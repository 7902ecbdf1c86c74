import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@lore/core';
import { type PageSeeder, searchOutboxContract, searchPageFactsContract } from '@lore/core/testing';
import { describe, it } from 'vitest';
import { openDatabase } from '../openDatabase';
import { SqlitePageStore } from '../pages/SqlitePageStore';
import { SqliteSpaceStore } from '../pages/SqliteSpaceStore';
import { SqliteSearchOutbox } from './SqliteSearchOutbox';
import { SqliteSearchPageFacts } from './SqliteSearchPageFacts';

const page = (id: string, parentId: string | null): Page => ({
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

/** A database with two users and space `s1`, its page seeder and its search stores. */
function open() {
  const dir = mkdtempSync(join(tmpdir(), 'lore-outbox-'));
  const db = openDatabase({ path: join(dir, 'lore.db') });
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
  const store = new SqlitePageStore(db);
  const pages: PageSeeder = {
    insertPage: (id, parentId = null) => store.insertPage(page(id, parentId)),
    renamePage: (id, title) => store.updateTitle(id, title, 'u2', 9),
    trashPage: (id) => store.setDeleted(id, { at: 4, by: 'u1' }),
  };
  return {
    db,
    pages,
    outbox: new SqliteSearchOutbox(db),
    facts: new SqliteSearchPageFacts(db),
    close: () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

searchOutboxContract({ describe, it }, 'SQLite', () => {
  const fixture = open();
  const column = (name: string, pageId: string) =>
    db().prepare(`SELECT ${name} FROM search_outbox WHERE page_id = ?`).pluck().get(pageId);
  const db = () => fixture.db;
  return {
    ...fixture,
    makeRetriesDue: () => void fixture.db.prepare('UPDATE search_outbox SET retry_at = 0').run(),
    lastError: (pageId) => (column('last_error', pageId) as string | undefined) ?? null,
    version: (pageId) => (column('version', pageId) as number | undefined) ?? null,
  };
});

searchPageFactsContract({ describe, it }, 'SQLite', open);
