-- People, their sessions and API tokens, one-time links (invites, password resets) and the
-- first-run setup code. Deleted accounts stay as tombstones ("Former user") so content keeps an
-- author. Times are milliseconds since the epoch.

CREATE TABLE users (
  id            TEXT PRIMARY KEY,
  email         TEXT NOT NULL,
  display_name  TEXT NOT NULL,
  color         TEXT NOT NULL,
  role          TEXT NOT NULL CHECK (role IN ('admin', 'member', 'guest')),
  password_hash TEXT NOT NULL,
  created_at    BIGINT NOT NULL,
  updated_at    BIGINT NOT NULL,
  disabled_at   BIGINT,
  deleted_at    BIGINT
);
-- Emails are unique ignoring the case of A-Z only, as SQLite's NOCASE does: lower() under the
-- "C" collation folds ASCII letters and nothing else, whatever the database's own locale.
CREATE UNIQUE INDEX users_email_key ON users (lower(email COLLATE "C"));

CREATE TABLE sessions (
  id_hash      TEXT PRIMARY KEY,
  user_id      TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at   BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  expires_at   BIGINT NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (user_id);
CREATE INDEX sessions_by_expiry ON sessions (expires_at);

CREATE TABLE api_tokens (
  id           TEXT PRIMARY KEY,
  user_id      TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name         TEXT NOT NULL,
  token_hash   TEXT NOT NULL UNIQUE,
  scope        TEXT NOT NULL DEFAULT 'write' CHECK (scope IN ('read', 'write', 'admin')),
  created_at   BIGINT NOT NULL,
  last_used_at BIGINT,
  expires_at   BIGINT,
  revoked_at   BIGINT
);
CREATE INDEX api_tokens_by_user ON api_tokens (user_id);

CREATE TABLE invites (
  id          TEXT PRIMARY KEY,
  token_hash  TEXT NOT NULL UNIQUE,
  email       TEXT NOT NULL,
  role        TEXT NOT NULL CHECK (role IN ('admin', 'member', 'guest')),
  created_by  TEXT REFERENCES users (id) ON DELETE SET NULL,
  created_at  BIGINT NOT NULL,
  expires_at  BIGINT NOT NULL,
  accepted_at BIGINT,
  revoked_at  BIGINT
);
CREATE INDEX invites_by_expiry ON invites (expires_at);

CREATE TABLE password_resets (
  id         TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_by TEXT REFERENCES users (id) ON DELETE SET NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at    BIGINT
);
CREATE INDEX password_resets_by_user ON password_resets (user_id);

-- At most one row: the code that POST /api/setup asks for until the first admin exists.
CREATE TABLE setup_code (
  id         SMALLINT PRIMARY KEY CHECK (id = 1),
  code       TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
