-- The Yjs state vector of each snapshot, written with it, so a reader can tell what the snapshot
-- holds without parsing it (a room serves a page it has not decoded from these bytes). NULL for
-- snapshots stored without one; readers then compute it.
ALTER TABLE document_snapshots ADD COLUMN state_vector BLOB;
