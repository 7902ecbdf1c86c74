-- Search's own queue of pages whose index entry is stale, filled by the search consumer of the
-- event outbox and by the view counter. Several processes may index at once: `due` leases the
-- entries it returns (claimed_by, claimed_until) so that no other process indexes them until
-- `done`/`failed` or the lease runs out (its holder died).
CREATE TABLE search_outbox (
  page_id       TEXT PRIMARY KEY,
  -- Oldest and newest change not yet indexed (ms, the database's clock).
  first_at      BIGINT NOT NULL,
  changed_at    BIGINT NOT NULL,
  -- Metadata changes (create, rename, trash, move) are indexed without waiting for typing to
  -- pause.
  urgent        BOOLEAN NOT NULL DEFAULT false,
  -- The pages below must follow (their path or visibility depends on this page).
  cascade       BOOLEAN NOT NULL DEFAULT false,
  -- Bumped on every change, so an indexer only deletes the row it actually indexed.
  version       BIGINT NOT NULL DEFAULT 1,
  attempts      INTEGER NOT NULL DEFAULT 0,
  retry_at      BIGINT NOT NULL DEFAULT 0,
  last_error    TEXT,
  claimed_by    TEXT,
  claimed_until BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX search_outbox_by_change ON search_outbox (changed_at);
CREATE INDEX search_outbox_cascading ON search_outbox (page_id) WHERE cascade;

-- Everyone who created or edited a page, for the author filter.
CREATE TABLE search_page_authors (
  page_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  PRIMARY KEY (page_id, user_id)
);

-- How often each page was opened, for the popularity boost.
CREATE TABLE search_page_views (
  page_id TEXT PRIMARY KEY,
  views   BIGINT NOT NULL DEFAULT 0
);

-- Workspace glossary: terms with their meaning and expansions, which also feed the search
-- engines as synonyms.
CREATE TABLE glossary_terms (
  id         TEXT PRIMARY KEY,
  term       TEXT NOT NULL,
  -- The term normalized (lowercase, no diacritics, single spaces): unique.
  term_key   TEXT NOT NULL UNIQUE,
  meaning    TEXT NOT NULL,
  expansions JSONB NOT NULL DEFAULT '[]',
  created_by TEXT REFERENCES users (id) ON DELETE SET NULL,
  created_at BIGINT NOT NULL,
  updated_by TEXT REFERENCES users (id) ON DELETE SET NULL,
  updated_at BIGINT NOT NULL
);


-- Small counters, e.g. the glossary version the engines' synonyms must catch up with.
CREATE TABLE search_state (
  key   TEXT PRIMARY KEY,
  value BIGINT NOT NULL
);
INSERT INTO search_state (key, value) VALUES ('glossary_version', 0);

-- Search analytics: one row per search (as-you-type refinements collapse into one), no user id.
CREATE TABLE search_queries (
  id         TEXT PRIMARY KEY,
  at         BIGINT NOT NULL,
  query      TEXT NOT NULL,
  normalized TEXT NOT NULL,
  results    INTEGER NOT NULL,
  clicks     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX search_queries_by_time ON search_queries (at);
CREATE INDEX search_queries_by_normalized ON search_queries (normalized, at);

CREATE TABLE search_clicks (
  query_id TEXT NOT NULL REFERENCES search_queries (id) ON DELETE CASCADE,
  page_id  TEXT NOT NULL,
  position INTEGER NOT NULL,
  at       BIGINT NOT NULL
);
CREATE INDEX search_clicks_by_query ON search_clicks (query_id);
