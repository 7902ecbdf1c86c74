import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@lore/store-sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { Fts5SearchIndex } from './Fts5SearchIndex';
import { migrateFts5Schema } from './fts5Schema';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function freshDatabase() {
  const dir = mkdtempSync(join(tmpdir(), 'lore-fts5-schema-'));
  dirs.push(dir);
  return openDatabase({ path: join(dir, 'lore.db') });
}

const tables = (db: ReturnType<typeof openDatabase>) =>
  db
    .prepare("SELECT name FROM sqlite_master WHERE name LIKE 'search_%' ORDER BY name")
    .pluck()
    .all() as string[];

describe('the FTS5 index tables', () => {
  it('are made by the index itself, not by the store, and counted in component_schema', () => {
    const db = freshDatabase();
    expect(tables(db)).not.toContain('search_docs');
    const index = new Fts5SearchIndex({ db });
    expect(tables(db)).toEqual(
      expect.arrayContaining(['search_docs', 'search_fts', 'search_terms', 'search_spaces']),
    );
    expect(
      db
        .prepare("SELECT version FROM component_schema WHERE component = 'search-fts5'")
        .pluck()
        .get(),
    ).toBe(1);
    // Building it again changes nothing.
    expect(migrateFts5Schema(db)).toBe(1);
    void index.close();
    db.close();
  });

  it('adopts the tables an older store migration made, with their rows', async () => {
    const db = freshDatabase();
    // As migration 0004 made them before the index owned its tables.
    db.exec(`
      CREATE TABLE search_docs (rowid INTEGER PRIMARY KEY, page_id TEXT NOT NULL UNIQUE,
        short_id TEXT NOT NULL, space_id TEXT NOT NULL, title TEXT NOT NULL, headings TEXT NOT NULL,
        body TEXT NOT NULL, tags TEXT NOT NULL, path TEXT NOT NULL, authors TEXT NOT NULL,
        updated_at INTEGER NOT NULL, views INTEGER NOT NULL) STRICT;
      CREATE VIRTUAL TABLE search_fts USING fts5(title, headings, body, tags, path, facets,
        content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2');
      CREATE TABLE search_terms (term TEXT PRIMARY KEY, docs INTEGER NOT NULL, rterm TEXT NOT NULL) STRICT, WITHOUT ROWID;
      CREATE INDEX search_terms_by_ending ON search_terms (rterm);
      CREATE TABLE search_spaces (space_id TEXT PRIMARY KEY, docs INTEGER NOT NULL) STRICT, WITHOUT ROWID;
      INSERT INTO search_docs VALUES (1, 'p1', 's1', 'space', 'Kept', '', 'body', '[]', 'Space', '[]', 1, 0);
    `);
    const index = new Fts5SearchIndex({ db });
    expect(db.prepare('SELECT title FROM search_docs').pluck().all()).toEqual(['Kept']);
    expect(await index.count()).toBe(1);
    await index.close();
    db.close();
  });
});
