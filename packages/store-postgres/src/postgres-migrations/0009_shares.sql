-- Public share links: a read-only view of a page (optionally with its subpages) for anyone
-- holding the link. The link's secret is kept only as its SHA-256.
CREATE TABLE share_links (
  id               TEXT PRIMARY KEY,
  secret_hash      TEXT NOT NULL UNIQUE,
  page_id          TEXT NOT NULL REFERENCES pages (id) ON DELETE CASCADE,
  include_subpages BOOLEAN NOT NULL,
  allow_indexing   BOOLEAN NOT NULL,
  expires_at       BIGINT,
  created_by       TEXT NOT NULL REFERENCES users (id),
  created_at       BIGINT NOT NULL,
  revoked_at       BIGINT,
  revoked_by       TEXT,
  last_used_at     BIGINT
);
CREATE INDEX share_links_by_page ON share_links (page_id) WHERE revoked_at IS NULL;
