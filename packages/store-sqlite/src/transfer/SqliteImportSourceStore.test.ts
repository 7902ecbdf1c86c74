import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../openDatabase';
import { SqliteImportSourceStore } from './SqliteImportSourceStore';

let dir: string;
let db: Db;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lore-import-sources-'));
  db = openDatabase({ path: join(dir, 'lore.db') });
  db.prepare(
    `INSERT INTO spaces (id, slug, name, description, created_by, created_at, updated_at)
     VALUES ('s1', 'docs', 'Docs', '', NULL, 0, 0)`,
  ).run();
  const page = db.prepare(
    `INSERT INTO pages (id, short_id, space_id, parent_id, position, title, created_at, updated_at)
     VALUES (?, ?, 's1', NULL, 'a', 'T', 0, 0)`,
  );
  page.run('p1', 'aaaaaaaaaa');
  page.run('p2', 'bbbbbbbbbb');
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('SqliteImportSourceStore', () => {
  it('remembers, replaces and forgets source paths per space and import root', () => {
    const store = new SqliteImportSourceStore(db);
    store.record(
      's1',
      null,
      [
        { sourcePath: 'a.md', pageId: 'p1' },
        { sourcePath: 'b/', pageId: 'p2' },
      ],
      1,
    );
    store.record('s1', 'p1', [{ sourcePath: 'a.md', pageId: 'p2' }], 1);
    expect(store.pagesBySource('s1', null)).toEqual(
      new Map([
        ['a.md', 'p1'],
        ['b/', 'p2'],
      ]),
    );
    expect(store.pagesBySource('s1', 'p1')).toEqual(new Map([['a.md', 'p2']]));
    store.record('s1', null, [{ sourcePath: 'a.md', pageId: 'p2' }], 2);
    store.forget('s1', null, ['b/']);
    expect(store.pagesBySource('s1', null)).toEqual(new Map([['a.md', 'p2']]));
  });

  it('drops mappings with their page', () => {
    const store = new SqliteImportSourceStore(db);
    store.record('s1', null, [{ sourcePath: 'a.md', pageId: 'p1' }], 1);
    db.prepare("DELETE FROM pages WHERE id = 'p1'").run();
    expect(store.pagesBySource('s1', null).size).toBe(0);
  });
});
