-- The domain-event outbox. Every change writes its event in the same transaction; consumers
-- (search, links, page metadata, rooms, …) each keep a cursor. Appends are serialized by a
-- transaction-scoped advisory lock (see PostgresEventLog), so numbers are given in commit order
-- and a consumer reading past its cursor never skips an event committed later with a smaller
-- number.
CREATE TABLE domain_events (
  seq      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  type     TEXT NOT NULL,
  page_id  TEXT,
  space_id TEXT,
  actor_id TEXT,
  at       BIGINT NOT NULL,
  data     JSONB NOT NULL DEFAULT '{}'
);
CREATE INDEX domain_events_by_time ON domain_events (at);

-- The highest number retention removed, so the last number given survives an empty log.
CREATE TABLE domain_event_log (
  only_row       BOOLEAN PRIMARY KEY DEFAULT true CHECK (only_row),
  pruned_through BIGINT NOT NULL DEFAULT 0
);
INSERT INTO domain_event_log DEFAULT VALUES;

-- Pages whose document changed and have no page.content_changed event yet: the document
-- store marks them in its append transaction (at most once per 100 ms of a page's edits), and
-- a dispatcher turns a mark into one event once the page is quiet.
CREATE TABLE content_change_marks (
  page_id  TEXT PRIMARY KEY,
  first_at BIGINT NOT NULL,
  last_at  BIGINT NOT NULL
);
CREATE INDEX content_change_marks_by_first ON content_change_marks (first_at);

CREATE TABLE event_cursors (
  consumer TEXT PRIMARY KEY,
  seq      BIGINT NOT NULL
);

-- Which process delivers a consumer's events now. The claim itself is a session advisory lock
-- (it ends with its connection); this row names the holder, so a process whose connection was
-- lost and silently reopened learns, when it next saves its cursor, that another took over.
CREATE TABLE event_consumer_claims (
  consumer   TEXT PRIMARY KEY,
  holder     TEXT NOT NULL,
  claimed_at BIGINT NOT NULL
);

-- Events a consumer gave up on after its retries; admins see and replay them.
CREATE TABLE event_dead_letters (
  id       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  consumer TEXT NOT NULL,
  seq      BIGINT NOT NULL,
  type     TEXT NOT NULL,
  page_id  TEXT,
  attempts INTEGER NOT NULL,
  error    TEXT NOT NULL,
  at       BIGINT NOT NULL,
  UNIQUE (consumer, seq)
);
CREATE INDEX event_dead_letters_by_seq ON event_dead_letters (seq);
