-- Account lifecycle: deleted accounts stay as tombstones ("Former user") so content keeps an
-- author; API tokens get a scope and an optional expiry (existing ones: write, never expire);
-- one-time links for invites and password resets; the first-run setup code.
ALTER TABLE users ADD COLUMN deleted_at INTEGER;

ALTER TABLE api_tokens ADD COLUMN scope TEXT NOT NULL DEFAULT 'write'
  CHECK (scope IN ('read', 'write', 'admin'));
ALTER TABLE api_tokens ADD COLUMN expires_at INTEGER;

CREATE TABLE invites (
  id          TEXT PRIMARY KEY,
  token_hash  TEXT NOT NULL UNIQUE,
  email       TEXT NOT NULL COLLATE NOCASE,
  role        TEXT NOT NULL CHECK (role IN ('admin', 'member', 'guest')),
  created_by  TEXT REFERENCES users (id) ON DELETE SET NULL,
  created_at  INTEGER NOT NULL,
  expires_at  INTEGER NOT NULL,
  accepted_at INTEGER,
  revoked_at  INTEGER
) STRICT;
CREATE INDEX invites_by_expiry ON invites (expires_at);

CREATE TABLE password_resets (
  id         TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_by TEXT REFERENCES users (id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  used_at    INTEGER
) STRICT;
CREATE INDEX password_resets_by_user ON password_resets (user_id);

-- At most one row: the code that POST /api/setup asks for until the first admin exists.
CREATE TABLE setup_code (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  code       TEXT NOT NULL,
  created_at INTEGER NOT NULL
) STRICT;
