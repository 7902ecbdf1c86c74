-- Spaces, the page tree, and what is derived from or keyed by a page's metadata: the links
-- index, tags and import sources.
--
-- Columns that Lore sorts by or matches text against are COLLATE "C": the SQLite store compares
-- bytes, and a page's place among its siblings or a list's order must not depend on the locale
-- the server was initialised with. Case-insensitive orders and matches fold ASCII letters only,
-- as SQLite's NOCASE and LIKE do, which lower() does under "C".

CREATE TABLE spaces (
  id           TEXT PRIMARY KEY,
  slug         TEXT COLLATE "C" NOT NULL UNIQUE,
  name         TEXT COLLATE "C" NOT NULL,
  description  TEXT NOT NULL DEFAULT '',
  -- Who reads it: every workspace member (open) or its members only (private).
  visibility   TEXT NOT NULL DEFAULT 'open' CHECK (visibility IN ('open', 'private')),
  default_role TEXT NOT NULL DEFAULT 'editor'
               CHECK (default_role IN ('viewer', 'commenter', 'editor')),
  created_by   TEXT REFERENCES users (id) ON DELETE SET NULL,
  created_at   BIGINT NOT NULL,
  updated_at   BIGINT NOT NULL
);

CREATE TABLE pages (
  id         TEXT COLLATE "C" PRIMARY KEY,
  short_id   TEXT NOT NULL UNIQUE,
  space_id   TEXT NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
  parent_id  TEXT COLLATE "C" REFERENCES pages (id) ON DELETE SET NULL,
  -- Fractional ordering key among siblings: its byte order is the order of the tree.
  position   TEXT COLLATE "C" NOT NULL,
  title      TEXT COLLATE "C" NOT NULL,
  icon       TEXT,
  created_by TEXT REFERENCES users (id) ON DELETE SET NULL,
  created_at BIGINT NOT NULL,
  updated_by TEXT REFERENCES users (id) ON DELETE SET NULL,
  updated_at BIGINT NOT NULL,
  deleted_at BIGINT,
  deleted_by TEXT REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX pages_by_space_parent ON pages (space_id, parent_id, position);
-- Walking a subtree (trash, moves, restrictions, exports) looks pages up by parent alone.
CREATE INDEX pages_by_parent ON pages (parent_id);
-- The title lookup behind link suggestions reads live pages newest first and stops at its limit.
CREATE INDEX pages_live_by_update ON pages (updated_at DESC, id) WHERE deleted_at IS NULL;

-- The links index: every link from a page's document to a wiki page, by the target's permanent
-- short id (so renames and moves never break it). Derived from the documents and rewritten for a
-- page whenever its document changes.
CREATE TABLE page_links (
  source_page_id  TEXT COLLATE "C" NOT NULL REFERENCES pages (id) ON DELETE CASCADE,
  -- Position of the link in the document, so a page's links come back in reading order.
  ordinal         INTEGER NOT NULL,
  target_short_id TEXT NOT NULL,
  anchor          TEXT,
  href            TEXT NOT NULL,
  text            TEXT NOT NULL,
  PRIMARY KEY (source_page_id, ordinal)
);
CREATE INDEX page_links_by_target ON page_links (target_short_id);

-- Page tags. tag_key is the lowercase form, so "Onboarding" and "onboarding" are one tag; tag
-- keeps the spelling it was given.
CREATE TABLE page_tags (
  page_id  TEXT NOT NULL REFERENCES pages (id) ON DELETE CASCADE,
  tag_key  TEXT COLLATE "C" NOT NULL,
  tag      TEXT COLLATE "C" NOT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY (page_id, tag_key)
);
CREATE INDEX page_tags_by_key ON page_tags (tag_key);

-- Which page each imported Markdown file became, so importing the same tree again updates those
-- pages instead of adding copies. root_page_id is the page the tree was imported under, '' for
-- the space's top level (so no foreign key); source_path is the file's path in the imported
-- folder, or 'folder/' for a folder's own page.
CREATE TABLE import_sources (
  space_id     TEXT NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
  root_page_id TEXT NOT NULL,
  source_path  TEXT NOT NULL,
  page_id      TEXT NOT NULL REFERENCES pages (id) ON DELETE CASCADE,
  imported_at  BIGINT NOT NULL,
  PRIMARY KEY (space_id, root_page_id, source_path)
);
CREATE INDEX import_sources_by_page ON import_sources (page_id);
