-- Collaborative documents (page bodies): an append-only log of Yjs updates per document plus one
-- snapshot folding a prefix of it. doc_id is the page id; no foreign key, so a page row and its
-- document can be written and purged independently.
CREATE TABLE document_updates (
  doc_id     TEXT NOT NULL,
  seq        INTEGER NOT NULL CHECK (seq > 0),
  data       BLOB NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (doc_id, seq)
) STRICT;

CREATE TABLE document_snapshots (
  doc_id     TEXT PRIMARY KEY,
  snapshot   BLOB NOT NULL,
  up_to_seq  INTEGER NOT NULL CHECK (up_to_seq > 0),
  updated_at INTEGER NOT NULL
) STRICT;
