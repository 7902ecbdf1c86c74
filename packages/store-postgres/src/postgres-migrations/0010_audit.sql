-- The audit log: who did what to what, when and from where. Written by the same transaction as
-- the change it records (or its own, for actions that change nothing), never updated, removed
-- only by retention. Names and labels are kept as they were when it happened.
CREATE TABLE audit_log (
  id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at           BIGINT NOT NULL,
  -- Compared byte by byte, so that a prefix filter is a range on the index below.
  action       TEXT COLLATE "C" NOT NULL,
  actor_id     TEXT,
  actor_name   TEXT,
  actor_email  TEXT,
  target_kind  TEXT,
  target_id    TEXT,
  target_label TEXT,
  space_id     TEXT,
  address      TEXT,
  user_agent   TEXT,
  -- JSON, not JSONB: the text is kept as written (key order, "\u0000", lone surrogates), so
  -- details read back exactly as they went in; nothing queries inside them.
  details      JSON NOT NULL DEFAULT '{}',
  event_seq    BIGINT
);
-- Newest first by id, narrowed by each filter.
CREATE INDEX audit_log_by_time ON audit_log (at);
CREATE INDEX audit_log_by_actor ON audit_log (actor_id, id);
CREATE INDEX audit_log_by_action ON audit_log (action, id);
CREATE INDEX audit_log_by_target ON audit_log (target_kind, target_id, id);
CREATE INDEX audit_log_by_target_id ON audit_log (target_id, id);

CREATE FUNCTION audit_log_refuse_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only';
END;
$$;

CREATE TRIGGER audit_log_append_only BEFORE UPDATE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_update();
