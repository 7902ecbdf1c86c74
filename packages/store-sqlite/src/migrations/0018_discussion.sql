-- Comment threads on pages (page-level, or anchored to a range of the page body by two Yjs
-- relative positions), their comments, and reactions to comments and to pages. Everything goes
-- with its page when the page is purged; trashing a page keeps it.
CREATE TABLE comment_threads (
  id           TEXT PRIMARY KEY,
  page_id      TEXT NOT NULL REFERENCES pages (id) ON DELETE CASCADE,
  anchor_from  TEXT,
  anchor_to    TEXT,
  anchor_quote TEXT,
  created_by   TEXT NOT NULL REFERENCES users (id),
  created_at   INTEGER NOT NULL,
  resolved_at  INTEGER,
  resolved_by  TEXT,
  CHECK ((anchor_from IS NULL) = (anchor_to IS NULL)
     AND (anchor_from IS NULL) = (anchor_quote IS NULL))
) STRICT;
CREATE INDEX comment_threads_by_page ON comment_threads (page_id, created_at, id);

-- `mentions`: a JSON array of the user ids the body mentions.
CREATE TABLE comments (
  id         TEXT PRIMARY KEY,
  thread_id  TEXT NOT NULL REFERENCES comment_threads (id) ON DELETE CASCADE,
  page_id    TEXT NOT NULL REFERENCES pages (id) ON DELETE CASCADE,
  author_id  TEXT NOT NULL REFERENCES users (id),
  body       TEXT NOT NULL,
  mentions   TEXT NOT NULL DEFAULT '[]',
  created_at INTEGER NOT NULL,
  edited_at  INTEGER,
  deleted_at INTEGER
) STRICT;
CREATE INDEX comments_by_thread ON comments (thread_id, created_at, id);

CREATE TABLE comment_reactions (
  comment_id TEXT NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
  user_id    TEXT NOT NULL REFERENCES users (id),
  emoji      TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (comment_id, user_id, emoji)
) STRICT, WITHOUT ROWID;

CREATE TABLE page_reactions (
  page_id    TEXT NOT NULL REFERENCES pages (id) ON DELETE CASCADE,
  user_id    TEXT NOT NULL REFERENCES users (id),
  emoji      TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (page_id, user_id, emoji)
) STRICT, WITHOUT ROWID;
