-- The domain-event outbox. Every change writes its event in the same transaction; consumers
-- (search, links, page metadata, rooms, and later notifications, webhooks…) each keep a cursor.
CREATE TABLE domain_events (
  seq      INTEGER PRIMARY KEY AUTOINCREMENT,
  type     TEXT NOT NULL,
  page_id  TEXT,
  space_id TEXT,
  actor_id TEXT,
  at       INTEGER NOT NULL,
  data     TEXT NOT NULL DEFAULT '{}'
) STRICT;
CREATE INDEX domain_events_by_time ON domain_events (at);

-- Pages whose document changed and have no page.content_changed event yet: the document
-- store marks them in its append transaction (at most once per 100 ms of a page's edits), and
-- the dispatcher turns a mark into one event once the page is quiet.
CREATE TABLE content_change_marks (
  page_id  TEXT PRIMARY KEY,
  first_at INTEGER NOT NULL,
  last_at  INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE event_cursors (
  consumer TEXT PRIMARY KEY,
  seq      INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

-- Events a consumer gave up on after its retries; admins see and replay them.
CREATE TABLE event_dead_letters (
  id       INTEGER PRIMARY KEY,
  consumer TEXT NOT NULL,
  seq      INTEGER NOT NULL,
  type     TEXT NOT NULL,
  page_id  TEXT,
  attempts INTEGER NOT NULL,
  error    TEXT NOT NULL,
  at       INTEGER NOT NULL,
  UNIQUE (consumer, seq)
) STRICT;

-- Search is fed by its consumer of the outbox now, not by triggers on other features' tables.
-- (The view counters are search's own tables; their triggers stay.)
DROP TRIGGER search_outbox_document_update;
DROP TRIGGER search_outbox_page_insert;
DROP TRIGGER search_outbox_page_update;
DROP TRIGGER search_outbox_page_delete;
DROP TRIGGER search_outbox_space_rename;
DROP TRIGGER search_outbox_tag_added;
DROP TRIGGER search_outbox_tag_removed;
