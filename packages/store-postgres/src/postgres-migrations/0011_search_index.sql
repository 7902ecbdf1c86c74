-- 0011_search_index: the PostgreSQL search index (@lore/search-postgres), beside the stores.
-- Derived data: `lore reindex` rebuilds it from the pages, so it holds no foreign keys to them
-- (the indexer removes pages itself, and a page may be indexed before its row is visible to
-- another process).

-- pg_trgm finds vocabulary words a typo or two away (typo tolerance and "did you mean").
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- One row per indexed page. `seq` grows with every (re)index of a page, so the most recently
-- indexed pages have the highest values; ranking work on very common words is capped by it.
-- `lexemes` holds the normalized words with their positions and weights: title A, headings B,
-- tags and path C, body D. `tokens` counts every word of the page, for the length part of BM25.
CREATE TABLE search_index_documents (
  seq        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  page_id    TEXT NOT NULL UNIQUE,
  short_id   TEXT NOT NULL,
  space_id   TEXT NOT NULL,
  title      TEXT NOT NULL,
  headings   TEXT NOT NULL,
  body       TEXT NOT NULL,
  tags       TEXT[] NOT NULL,
  -- Tags trimmed and lowercased, for the tag filter (compared case-insensitively).
  tag_keys   TEXT[] NOT NULL,
  path       TEXT[] NOT NULL,
  authors    TEXT[] NOT NULL,
  updated_at BIGINT NOT NULL,
  views      BIGINT NOT NULL,
  tokens     INTEGER NOT NULL,
  lexemes    TSVECTOR NOT NULL
);
-- Without the pending list of fastupdate: every search would read the pages indexed since the
-- last vacuum one by one from that list (up to 4 MB), and the planner prices the list so high
-- that it scans the table instead. A page write updates the index at once, which is cheap.
CREATE INDEX search_index_documents_lexemes ON search_index_documents USING GIN (lexemes)
  WITH (fastupdate = off);

-- The vocabulary with the number of pages holding each word, kept in the same transaction as
-- the pages: how common a word is, which words start with what is being typed (a byte-order
-- range on the primary key), and which words are a typo away (trigram distance).
CREATE TABLE search_index_terms (
  term TEXT COLLATE "C" PRIMARY KEY,
  docs BIGINT NOT NULL
);
CREATE INDEX search_index_terms_trigrams ON search_index_terms USING GIST (term gist_trgm_ops);

-- Pages and words per space: the page count and average length that BM25 needs, without
-- counting the whole index on every search.
CREATE TABLE search_index_spaces (
  space_id TEXT PRIMARY KEY,
  docs     BIGINT NOT NULL,
  tokens   BIGINT NOT NULL
);
