-- A visit is a run of opens of a page with no gap of more than half an hour; the end of the visit
-- before the current one is kept, so "changed since your last visit" survives opening the page.
ALTER TABLE page_last_views ADD COLUMN previous_viewed_at INTEGER;
-- Home's "recently viewed" and this week's popular pages.
CREATE INDEX page_last_views_by_user ON page_last_views (user_id, viewed_at DESC);
CREATE INDEX page_last_views_by_time ON page_last_views (viewed_at, page_id);

-- Someone explicitly stopped watching a page: editing or commenting on it does not watch it
-- again until they choose to.
CREATE TABLE page_unwatches (
  page_id    TEXT NOT NULL REFERENCES pages (id) ON DELETE CASCADE,
  user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (page_id, user_id)
) STRICT, WITHOUT ROWID;

-- What happened in each space, one row per thing (edits by one person to one page within one
-- hour are one row, `dedupe_key` being the page, person and hour), derived from domain events.
CREATE TABLE space_activity (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  space_id   TEXT NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
  page_id    TEXT NOT NULL REFERENCES pages (id) ON DELETE CASCADE,
  actor_id   TEXT,
  kind       TEXT NOT NULL,
  at         INTEGER NOT NULL,
  dedupe_key TEXT NOT NULL UNIQUE
) STRICT;
CREATE INDEX space_activity_by_space ON space_activity (space_id, at DESC, id DESC);
