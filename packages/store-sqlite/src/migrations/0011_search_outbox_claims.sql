-- Body edits mark a page at most once per 100 ms while the indexer has not read its entry.
--
-- Marking it on every stored update cost two page writes per keystroke (the row and its
-- changed_at index entry). Skipping a mark is safe while the entry is unclaimed: the indexer
-- reads the page's body when it handles the entry, so it sees the skipped edit too. Once the
-- indexer has read an entry (due, or a rebuild's snapshot), it is claimed, and the next edit
-- marks the page again, bumping the version, so `done` leaves the entry for another round.
-- changed_at may then trail the last edit by up to 100 ms, far below the indexer's quiet time.
ALTER TABLE search_outbox ADD COLUMN claimed INTEGER NOT NULL DEFAULT 0;

DROP TRIGGER search_outbox_document_update;
CREATE TRIGGER search_outbox_document_update AFTER INSERT ON document_updates
WHEN NOT EXISTS (
  SELECT 1 FROM search_outbox
  WHERE page_id = NEW.doc_id AND claimed = 0
    AND changed_at >= CAST(unixepoch('subsec') * 1000 AS INTEGER) - 100
)
BEGIN
  INSERT INTO search_outbox (page_id, first_at, changed_at)
  VALUES (NEW.doc_id, CAST(unixepoch('subsec') * 1000 AS INTEGER),
          CAST(unixepoch('subsec') * 1000 AS INTEGER))
  ON CONFLICT (page_id) DO UPDATE SET
    changed_at = excluded.changed_at, version = version + 1, attempts = 0, retry_at = 0,
    claimed = 0;
END;
