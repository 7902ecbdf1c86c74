-- Walking a page's subtree (trash, moves, restrictions, exports) looks pages up by their
-- parent alone; the (space_id, parent_id, position) index cannot serve that.
CREATE INDEX pages_by_parent ON pages (parent_id);
