-- Public share links: a read-only view of a page (optionally with its subpages) for anyone
-- holding the link. The link's secret is kept only as its SHA-256.
CREATE TABLE share_links (
  id               TEXT PRIMARY KEY,
  secret_hash      TEXT NOT NULL UNIQUE,
  page_id          TEXT NOT NULL REFERENCES pages (id) ON DELETE CASCADE,
  include_subpages INTEGER NOT NULL CHECK (include_subpages IN (0, 1)),
  allow_indexing   INTEGER NOT NULL CHECK (allow_indexing IN (0, 1)),
  expires_at       INTEGER,
  created_by       TEXT NOT NULL REFERENCES users (id),
  created_at       INTEGER NOT NULL,
  revoked_at       INTEGER,
  revoked_by       TEXT,
  last_used_at     INTEGER
) STRICT;
CREATE INDEX share_links_by_page ON share_links (page_id) WHERE revoked_at IS NULL;
