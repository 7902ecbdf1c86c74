-- Notifications: one row per recipient and thing that happened (`dedupe_key`), so an event
-- delivered twice notifies once. `in_app` rows make the inbox; `email` rows are for a mailer.
CREATE TABLE notifications (
  id          TEXT PRIMARY KEY,
  user_id     TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind        TEXT NOT NULL,
  -- Null for notifications about a space itself (being made a member of it).
  page_id     TEXT REFERENCES pages (id) ON DELETE CASCADE,
  space_id    TEXT NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
  actor_id    TEXT,
  thread_id   TEXT,
  comment_id  TEXT,
  created_at  INTEGER NOT NULL,
  read_at     INTEGER,
  archived_at INTEGER,
  dedupe_key  TEXT NOT NULL,
  in_app      INTEGER NOT NULL CHECK (in_app IN (0, 1)),
  email       INTEGER NOT NULL CHECK (email IN (0, 1)),
  UNIQUE (user_id, dedupe_key)
) STRICT;
-- The inbox and the archive, newest first.
CREATE INDEX notifications_by_user ON notifications (user_id, created_at DESC, id DESC);
-- Unread counts, which live streams ask for every few seconds.
CREATE INDEX notifications_unread ON notifications (user_id, page_id, space_id)
  WHERE read_at IS NULL AND archived_at IS NULL AND in_app = 1;
-- "When was each watcher last told this page changed?"
CREATE INDEX notifications_by_page ON notifications (page_id, kind, user_id, created_at);

-- Each person's choices (JSON: channels per kind, email digest, automatic watching); a person
-- without a row has the defaults.
CREATE TABLE notification_settings (
  user_id    TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  settings   TEXT NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

-- Who watches which page and which space.
CREATE TABLE page_watches (
  page_id    TEXT NOT NULL REFERENCES pages (id) ON DELETE CASCADE,
  user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (page_id, user_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX page_watches_by_user ON page_watches (user_id);

CREATE TABLE space_watches (
  space_id   TEXT NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
  user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (space_id, user_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX space_watches_by_user ON space_watches (user_id);

-- When each person last opened each page ("not if the watcher has seen the change").
CREATE TABLE page_last_views (
  page_id   TEXT NOT NULL REFERENCES pages (id) ON DELETE CASCADE,
  user_id   TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  viewed_at INTEGER NOT NULL,
  PRIMARY KEY (page_id, user_id)
) STRICT, WITHOUT ROWID;
