import type Database from 'better-sqlite3';

/**
 * The embedded index's own tables, in numbered steps this package owns (not the store's
 * migrations, so an install on Meilisearch carries none of them). Each step is written so that a
 * database which already has the tables (made by the store's migration 0004 before the index
 * owned them) is left as it is.
 */
const steps: readonly { readonly version: number; readonly sql: string }[] = [
  {
    version: 1,
    sql: `
-- search_docs keeps what results show and what a re-index needs to undo; rowids grow with every
-- (re)index, so the most recently indexed pages have the highest rowids, which caps ranking work
-- on very common words.
CREATE TABLE IF NOT EXISTS search_docs (
  rowid      INTEGER PRIMARY KEY,
  page_id    TEXT NOT NULL UNIQUE,
  short_id   TEXT NOT NULL,
  space_id   TEXT NOT NULL,
  title      TEXT NOT NULL,
  headings   TEXT NOT NULL,
  body       TEXT NOT NULL,
  tags       TEXT NOT NULL,
  path       TEXT NOT NULL,
  authors    TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  views      INTEGER NOT NULL
) STRICT;

-- Contentless (the text is in search_docs) with cheap deletes. facets holds filter tokens
-- (space, authors, tags), so permission and filters are evaluated inside the index.
CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(
  title, headings, body, tags, path, facets,
  content = '', contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2'
);

-- The vocabulary with document frequencies, for typo tolerance, prefix completion and
-- "did you mean"; rterm is the term reversed, to find words by their ending.
CREATE TABLE IF NOT EXISTS search_terms (
  term  TEXT PRIMARY KEY,
  docs  INTEGER NOT NULL,
  rterm TEXT NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS search_terms_by_ending ON search_terms (rterm);

CREATE TABLE IF NOT EXISTS search_spaces (
  space_id TEXT PRIMARY KEY,
  docs     INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
`,
  },
];

/** The component these steps are counted under in `component_schema`. */
const component = 'search-fts5';

/**
 * Brings the index's tables to the newest step, in one transaction. The steps done are counted
 * in a small table shared by every package that owns tables in the Lore database.
 */
export function migrateFts5Schema(db: Database.Database): number {
  const latest = steps.at(-1)?.version ?? 0;
  return db
    .transaction(() => {
      db.exec(
        'CREATE TABLE IF NOT EXISTS component_schema (component TEXT PRIMARY KEY, version INTEGER NOT NULL) STRICT, WITHOUT ROWID',
      );
      const current =
        (db
          .prepare('SELECT version FROM component_schema WHERE component = ?')
          .pluck()
          .get(component) as number | undefined) ?? 0;
      if (current > latest) {
        throw new Error(
          `The search index tables are at version ${current}, newer than this Lore (${latest}). Upgrade Lore.`,
        );
      }
      for (const step of steps) if (step.version > current) db.exec(step.sql);
      db.prepare(
        'INSERT INTO component_schema (component, version) VALUES (?, ?) ON CONFLICT (component) DO UPDATE SET version = excluded.version',
      ).run(component, latest);
      return latest;
    })
    .immediate();
}
