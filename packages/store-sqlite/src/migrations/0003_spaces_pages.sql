CREATE TABLE spaces (
  id          TEXT PRIMARY KEY,
  slug        TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  created_by  TEXT REFERENCES users (id) ON DELETE SET NULL,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
) STRICT;

CREATE TABLE pages (
  id          TEXT PRIMARY KEY,
  short_id    TEXT NOT NULL UNIQUE,
  space_id    TEXT NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
  parent_id   TEXT REFERENCES pages (id) ON DELETE SET NULL,
  position    TEXT NOT NULL,
  title       TEXT NOT NULL,
  icon        TEXT,
  created_by  TEXT REFERENCES users (id) ON DELETE SET NULL,
  created_at  INTEGER NOT NULL,
  updated_by  TEXT REFERENCES users (id) ON DELETE SET NULL,
  updated_at  INTEGER NOT NULL,
  deleted_at  INTEGER,
  deleted_by  TEXT REFERENCES users (id) ON DELETE SET NULL
) STRICT;
CREATE INDEX pages_by_space_parent ON pages (space_id, parent_id, position);
