-- Collaborative documents (page bodies): an append-only log of Yjs updates per document plus one
-- snapshot folding a prefix of it. doc_id is the page id; no foreign key to pages, so a page row
-- and its document can be written and purged independently.

-- The highest sequence number handed out per document. Appenders take it with an UPDATE, so
-- appends to one document are serialized across every process sharing the database and numbers
-- stay gap-free without reading max(seq). The row is rewritten on every append: room left in
-- each page keeps those rewrites on the same page (HOT updates, no index churn).
CREATE TABLE document_heads (
  doc_id   TEXT PRIMARY KEY,
  last_seq BIGINT NOT NULL CHECK (last_seq >= 0)
) WITH (fillfactor = 70);

-- Removing a document is deleting its head: the log and the snapshot go with it.
CREATE TABLE document_updates (
  doc_id     TEXT NOT NULL REFERENCES document_heads (doc_id) ON DELETE CASCADE,
  seq        BIGINT NOT NULL CHECK (seq > 0),
  data       BYTEA NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (doc_id, seq)
);

-- state_vector: the snapshot's Yjs state vector, written with it, so a reader can tell what the
-- snapshot holds without parsing it. NULL for snapshots stored without one.
CREATE TABLE document_snapshots (
  doc_id       TEXT PRIMARY KEY REFERENCES document_heads (doc_id) ON DELETE CASCADE,
  snapshot     BYTEA NOT NULL,
  up_to_seq    BIGINT NOT NULL CHECK (up_to_seq > 0),
  state_vector BYTEA,
  updated_at   BIGINT NOT NULL
);
