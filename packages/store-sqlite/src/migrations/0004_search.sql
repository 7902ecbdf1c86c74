-- Search. The index is derived data (ARCHITECTURE.md, invariant 2): every change that affects
-- it leaves a row in search_outbox from a trigger, so in the very transaction that made the
-- change. An indexer drains the outbox; a crash or a search engine that is down only delays it.

CREATE TABLE search_outbox (
  page_id    TEXT PRIMARY KEY,
  -- Oldest and newest change not yet indexed (ms, SQLite's clock).
  first_at   INTEGER NOT NULL,
  changed_at INTEGER NOT NULL,
  -- 1 for metadata changes (create, rename, trash, move): indexed without waiting for typing
  -- to pause.
  urgent     INTEGER NOT NULL DEFAULT 0,
  -- 1 when the pages below must follow (their path or visibility depends on this page).
  cascade    INTEGER NOT NULL DEFAULT 0,
  -- Bumped on every change, so an indexer only deletes the row it actually indexed.
  version    INTEGER NOT NULL DEFAULT 1,
  attempts   INTEGER NOT NULL DEFAULT 0,
  retry_at   INTEGER NOT NULL DEFAULT 0,
  last_error TEXT
) STRICT;
CREATE INDEX search_outbox_by_change ON search_outbox (changed_at);

-- Everyone who created or edited a page, for the author filter.
CREATE TABLE search_page_authors (
  page_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  PRIMARY KEY (page_id, user_id)
) STRICT, WITHOUT ROWID;

-- How often each page was opened, for the popularity boost.
CREATE TABLE search_page_views (
  page_id TEXT PRIMARY KEY,
  views   INTEGER NOT NULL DEFAULT 0
) STRICT, WITHOUT ROWID;

-- Body edits: every stored Yjs update of a page.
CREATE TRIGGER search_outbox_document_update AFTER INSERT ON document_updates
BEGIN
  INSERT INTO search_outbox (page_id, first_at, changed_at)
  VALUES (NEW.doc_id, CAST(unixepoch('subsec') * 1000 AS INTEGER),
          CAST(unixepoch('subsec') * 1000 AS INTEGER))
  ON CONFLICT (page_id) DO UPDATE SET
    changed_at = excluded.changed_at, version = version + 1, attempts = 0, retry_at = 0;
END;

CREATE TRIGGER search_outbox_page_insert AFTER INSERT ON pages
BEGIN
  INSERT INTO search_outbox (page_id, first_at, changed_at, urgent)
  VALUES (NEW.id, CAST(unixepoch('subsec') * 1000 AS INTEGER),
          CAST(unixepoch('subsec') * 1000 AS INTEGER), 1)
  ON CONFLICT (page_id) DO UPDATE SET
    changed_at = excluded.changed_at, urgent = 1, version = version + 1, attempts = 0,
    retry_at = 0;
  INSERT OR IGNORE INTO search_page_authors (page_id, user_id)
  SELECT NEW.id, NEW.created_by WHERE NEW.created_by IS NOT NULL;
END;

CREATE TRIGGER search_outbox_page_update
AFTER UPDATE OF title, deleted_at, parent_id, space_id, updated_at, updated_by ON pages
BEGIN
  INSERT INTO search_outbox (page_id, first_at, changed_at, urgent, cascade)
  VALUES (NEW.id, CAST(unixepoch('subsec') * 1000 AS INTEGER),
          CAST(unixepoch('subsec') * 1000 AS INTEGER), 1,
          OLD.title IS NOT NEW.title OR OLD.deleted_at IS NOT NEW.deleted_at
            OR OLD.parent_id IS NOT NEW.parent_id OR OLD.space_id IS NOT NEW.space_id)
  ON CONFLICT (page_id) DO UPDATE SET
    changed_at = excluded.changed_at, urgent = 1, cascade = max(cascade, excluded.cascade),
    version = version + 1, attempts = 0, retry_at = 0;
  INSERT OR IGNORE INTO search_page_authors (page_id, user_id)
  SELECT NEW.id, NEW.updated_by WHERE NEW.updated_by IS NOT NULL;
END;

CREATE TRIGGER search_outbox_page_delete AFTER DELETE ON pages
BEGIN
  INSERT INTO search_outbox (page_id, first_at, changed_at, urgent, cascade)
  VALUES (OLD.id, CAST(unixepoch('subsec') * 1000 AS INTEGER),
          CAST(unixepoch('subsec') * 1000 AS INTEGER), 1, 1)
  ON CONFLICT (page_id) DO UPDATE SET
    changed_at = excluded.changed_at, urgent = 1, cascade = 1, version = version + 1,
    attempts = 0, retry_at = 0;
END;

-- A renamed space changes the path of every page in it.
CREATE TRIGGER search_outbox_space_rename AFTER UPDATE OF name ON spaces
WHEN OLD.name IS NOT NEW.name
BEGIN
  INSERT INTO search_outbox (page_id, first_at, changed_at, urgent)
  SELECT id, CAST(unixepoch('subsec') * 1000 AS INTEGER),
         CAST(unixepoch('subsec') * 1000 AS INTEGER), 1
  FROM pages WHERE space_id = NEW.id
  ON CONFLICT (page_id) DO UPDATE SET
    changed_at = excluded.changed_at, urgent = 1, version = version + 1, attempts = 0,
    retry_at = 0;
END;

CREATE TRIGGER search_outbox_first_view AFTER INSERT ON search_page_views
BEGIN
  INSERT INTO search_outbox (page_id, first_at, changed_at)
  VALUES (NEW.page_id, CAST(unixepoch('subsec') * 1000 AS INTEGER),
          CAST(unixepoch('subsec') * 1000 AS INTEGER))
  ON CONFLICT (page_id) DO UPDATE SET changed_at = excluded.changed_at, version = version + 1;
END;

CREATE TRIGGER search_outbox_more_views AFTER UPDATE OF views ON search_page_views
BEGIN
  INSERT INTO search_outbox (page_id, first_at, changed_at)
  VALUES (NEW.page_id, CAST(unixepoch('subsec') * 1000 AS INTEGER),
          CAST(unixepoch('subsec') * 1000 AS INTEGER))
  ON CONFLICT (page_id) DO UPDATE SET changed_at = excluded.changed_at, version = version + 1;
END;

-- Workspace glossary: terms with their meaning and expansions (JSON array of strings), which
-- also feed the search engines as synonyms.
CREATE TABLE glossary_terms (
  id         TEXT PRIMARY KEY,
  term       TEXT NOT NULL,
  -- The term normalized (lowercase, no diacritics, single spaces): unique.
  term_key   TEXT NOT NULL UNIQUE,
  meaning    TEXT NOT NULL,
  expansions TEXT NOT NULL DEFAULT '[]',
  created_by TEXT REFERENCES users (id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL,
  updated_by TEXT REFERENCES users (id) ON DELETE SET NULL,
  updated_at INTEGER NOT NULL
) STRICT;

-- Small counters, e.g. the glossary version the engines' synonyms must catch up with.
CREATE TABLE search_state (
  key   TEXT PRIMARY KEY,
  value INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
INSERT INTO search_state (key, value) VALUES ('glossary_version', 0);

-- Search analytics: one row per search (as-you-type refinements collapse into one), no user id.
CREATE TABLE search_queries (
  id         TEXT PRIMARY KEY,
  at         INTEGER NOT NULL,
  query      TEXT NOT NULL,
  normalized TEXT NOT NULL,
  results    INTEGER NOT NULL,
  clicks     INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX search_queries_by_time ON search_queries (at);

CREATE TABLE search_clicks (
  query_id TEXT NOT NULL REFERENCES search_queries (id) ON DELETE CASCADE,
  page_id  TEXT NOT NULL,
  position INTEGER NOT NULL,
  at       INTEGER NOT NULL
) STRICT;
CREATE INDEX search_clicks_by_query ON search_clicks (query_id);

-- The embedded full-text index's tables (search_docs, search_fts, search_terms, search_spaces)
-- belong to @lore/search-fts5, which creates them itself (src/fts5Schema.ts); databases made
-- before that got them here, and the index adopts them as they are.
