-- Page tags (labels): a few words per page that group pages across spaces and filter searches.
-- tag_key is the lowercase form, so "Onboarding" and "onboarding" are one tag; tag keeps the
-- spelling it was given.
CREATE TABLE page_tags (
  page_id  TEXT NOT NULL REFERENCES pages (id) ON DELETE CASCADE,
  tag_key  TEXT NOT NULL,
  tag      TEXT NOT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY (page_id, tag_key)
) STRICT, WITHOUT ROWID;
CREATE INDEX page_tags_by_key ON page_tags (tag_key);

-- The search index holds each page's tags: a change reaches it through the outbox, at once.
CREATE TRIGGER search_outbox_tag_added AFTER INSERT ON page_tags
BEGIN
  INSERT INTO search_outbox (page_id, first_at, changed_at, urgent)
  VALUES (NEW.page_id, CAST(unixepoch('subsec') * 1000 AS INTEGER),
          CAST(unixepoch('subsec') * 1000 AS INTEGER), 1)
  ON CONFLICT (page_id) DO UPDATE SET
    changed_at = excluded.changed_at, urgent = 1, version = version + 1, attempts = 0,
    retry_at = 0;
END;

CREATE TRIGGER search_outbox_tag_removed AFTER DELETE ON page_tags
BEGIN
  INSERT INTO search_outbox (page_id, first_at, changed_at, urgent)
  SELECT OLD.page_id, CAST(unixepoch('subsec') * 1000 AS INTEGER),
         CAST(unixepoch('subsec') * 1000 AS INTEGER), 1
  WHERE EXISTS (SELECT 1 FROM pages WHERE id = OLD.page_id)
  ON CONFLICT (page_id) DO UPDATE SET
    changed_at = excluded.changed_at, urgent = 1, version = version + 1, attempts = 0,
    retry_at = 0;
END;
