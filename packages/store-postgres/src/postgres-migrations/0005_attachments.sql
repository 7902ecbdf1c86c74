-- Files attached to pages (docs/attachments.md). Only metadata lives here; the bytes are files
-- under <data dir>/attachments/<sha256[0:2]>/<sha256>, so rows with the same sha256 share one
-- file. The creator is kept without a foreign key: attribution outlives the account it names.
CREATE TABLE attachments (
  id         TEXT PRIMARY KEY,
  page_id    TEXT NOT NULL REFERENCES pages (id) ON DELETE CASCADE,
  filename   TEXT NOT NULL CHECK (length(filename) > 0),
  media_type TEXT NOT NULL,
  size       BIGINT NOT NULL CHECK (size >= 0),
  sha256     TEXT NOT NULL CHECK (length(sha256) = 64),
  created_by TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX attachments_by_page ON attachments (page_id, created_at);
CREATE INDEX attachments_by_sha256 ON attachments (sha256);
