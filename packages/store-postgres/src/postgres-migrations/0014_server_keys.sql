-- The server's own secret keys by name (`unsubscribe` signs the unsubscribe links in emails),
-- made on first use and kept, so links keep working across restarts and processes.
CREATE TABLE server_keys (
  name       TEXT PRIMARY KEY,
  secret     TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
