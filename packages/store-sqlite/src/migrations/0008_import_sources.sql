-- Which page each imported Markdown file became (docs/import-export.md), so importing the same
-- tree again updates those pages instead of adding copies. root_page_id is the page the tree was
-- imported under, '' for the space's top level; source_path is the file's path in the imported
-- folder, or 'folder/' for a folder's own page.
CREATE TABLE import_sources (
  space_id     TEXT NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
  root_page_id TEXT NOT NULL,
  source_path  TEXT NOT NULL,
  page_id      TEXT NOT NULL REFERENCES pages (id) ON DELETE CASCADE,
  imported_at  INTEGER NOT NULL,
  PRIMARY KEY (space_id, root_page_id, source_path)
) STRICT;

CREATE INDEX import_sources_by_page ON import_sources (page_id);
