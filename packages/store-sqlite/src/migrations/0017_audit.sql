-- The audit log: who did what to what, when and from where. Written by the same transaction as
-- the change it records (or its own, for actions that change nothing), never updated, removed
-- only by retention. Names and labels are kept as they were when it happened.
CREATE TABLE audit_log (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  at           INTEGER NOT NULL,
  action       TEXT NOT NULL,
  actor_id     TEXT,
  actor_name   TEXT,
  actor_email  TEXT,
  target_kind  TEXT,
  target_id    TEXT,
  target_label TEXT,
  space_id     TEXT,
  address      TEXT,
  user_agent   TEXT,
  details      TEXT NOT NULL DEFAULT '{}',
  event_seq    INTEGER
) STRICT;
-- Newest first by id, narrowed by each filter.
CREATE INDEX audit_log_by_time ON audit_log (at);
CREATE INDEX audit_log_by_actor ON audit_log (actor_id, id);
CREATE INDEX audit_log_by_action ON audit_log (action, id);
CREATE INDEX audit_log_by_target ON audit_log (target_kind, target_id, id);
CREATE INDEX audit_log_by_target_id ON audit_log (target_id, id);

CREATE TRIGGER audit_log_append_only BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;
