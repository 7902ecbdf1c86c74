-- The links index: every link from a page's document to a wiki page, by the target's permanent
-- short id (so renames and moves never break it). Derived from the documents and rewritten for a
-- page whenever its document changes; `lore reindex` can rebuild it.
CREATE TABLE page_links (
  source_page_id  TEXT NOT NULL REFERENCES pages (id) ON DELETE CASCADE,
  -- Position of the link in the document, so a page's links come back in reading order.
  ordinal         INTEGER NOT NULL,
  target_short_id TEXT NOT NULL,
  anchor          TEXT,
  href            TEXT NOT NULL,
  text            TEXT NOT NULL,
  PRIMARY KEY (source_page_id, ordinal)
) STRICT;
CREATE INDEX page_links_by_target ON page_links (target_short_id);
