-- Page history (docs/versions.md). A revision names one content state of a page. States are
-- stored once per page and content hash, deflated, either whole or as a delta against an earlier
-- state of the same page; chain_bytes (what a read has to inflate) stays within a small multiple
-- of the whole state, so reads stay cheap while storage grows with the amount of change.
CREATE TABLE revision_states (
  page_id      TEXT NOT NULL REFERENCES pages (id) ON DELETE CASCADE,
  hash         TEXT NOT NULL,
  -- NULL: data is the whole canonical text; otherwise a delta against that state.
  base_hash    TEXT,
  data         BYTEA NOT NULL,
  text_bytes   BIGINT NOT NULL,
  chain_bytes  BIGINT NOT NULL,
  chain_length INTEGER NOT NULL,
  PRIMARY KEY (page_id, hash),
  FOREIGN KEY (page_id, base_hash) REFERENCES revision_states (page_id, hash)
);

-- User ids are kept without foreign keys: attribution outlives the accounts it names.
CREATE TABLE page_revisions (
  id            TEXT PRIMARY KEY,
  page_id       TEXT NOT NULL REFERENCES pages (id) ON DELETE CASCADE,
  number        INTEGER NOT NULL CHECK (number > 0),
  kind          TEXT NOT NULL
                CHECK (kind IN ('auto', 'manual', 'before-restore', 'restore', 'before-import')),
  name          TEXT,
  note          TEXT,
  title         TEXT NOT NULL,
  content_hash  TEXT NOT NULL,
  created_at    BIGINT NOT NULL,
  created_by    TEXT,
  restored_from TEXT,
  UNIQUE (page_id, number),
  FOREIGN KEY (page_id, content_hash) REFERENCES revision_states (page_id, hash)
);
-- Deleting a state looks for revisions that still name it.
CREATE INDEX page_revisions_by_state ON page_revisions (page_id, content_hash);

CREATE TABLE page_revision_contributors (
  revision_id TEXT NOT NULL REFERENCES page_revisions (id) ON DELETE CASCADE,
  user_id     TEXT NOT NULL,
  PRIMARY KEY (revision_id, user_id)
);

-- Edits not yet taken into a revision, so a restart keeps who contributed. No foreign key to
-- pages: a page's first content is written before its row exists.
CREATE TABLE revision_pending (
  page_id  TEXT PRIMARY KEY,
  first_at BIGINT NOT NULL,
  last_at  BIGINT NOT NULL
);

CREATE TABLE revision_pending_contributors (
  page_id TEXT NOT NULL REFERENCES revision_pending (page_id) ON DELETE CASCADE,
  user_id TEXT NOT NULL,
  PRIMARY KEY (page_id, user_id)
);

-- Which user each Yjs client id of a page belongs to, recorded as the server accepts their
-- updates: the basis of "who wrote what". Yjs client ids are unsigned 32-bit, beyond INTEGER.
CREATE TABLE page_client_authors (
  page_id   TEXT NOT NULL,
  client_id BIGINT NOT NULL,
  user_id   TEXT NOT NULL,
  PRIMARY KEY (page_id, client_id)
);
