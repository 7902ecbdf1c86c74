-- Groups of people, space members and page restrictions. A space's visibility and default role
-- are columns of `spaces` itself (0002).

CREATE TABLE access_groups (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
-- Names are unique ignoring the case of A-Z only (SQLite's NOCASE); see users_email_key.
CREATE UNIQUE INDEX access_groups_name_key ON access_groups (lower(name COLLATE "C"));

CREATE TABLE access_group_members (
  group_id TEXT NOT NULL REFERENCES access_groups (id) ON DELETE CASCADE,
  user_id  TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  PRIMARY KEY (group_id, user_id)
);
CREATE INDEX access_group_members_by_user ON access_group_members (user_id);

-- A principal is a user or a group, so principal_id has no foreign key; deleting a group
-- removes its grants and entries in the same statement.
CREATE TABLE space_grants (
  space_id     TEXT NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
  kind         TEXT NOT NULL CHECK (kind IN ('user', 'group')),
  principal_id TEXT NOT NULL,
  role         TEXT NOT NULL CHECK (role IN ('viewer', 'commenter', 'editor', 'admin')),
  PRIMARY KEY (space_id, kind, principal_id)
);
CREATE INDEX space_grants_by_principal ON space_grants (kind, principal_id);

CREATE TABLE page_restrictions (
  page_id         TEXT PRIMARY KEY REFERENCES pages (id) ON DELETE CASCADE,
  view_restricted BOOLEAN NOT NULL,
  edit_restricted BOOLEAN NOT NULL,
  updated_by      TEXT NOT NULL,
  updated_at      BIGINT NOT NULL
);

CREATE TABLE page_restriction_entries (
  page_id      TEXT NOT NULL REFERENCES page_restrictions (page_id) ON DELETE CASCADE,
  list         TEXT NOT NULL CHECK (list IN ('view', 'edit')),
  kind         TEXT NOT NULL CHECK (kind IN ('user', 'group')),
  principal_id TEXT NOT NULL,
  PRIMARY KEY (page_id, list, kind, principal_id)
);
CREATE INDEX page_restriction_entries_by_principal
  ON page_restriction_entries (kind, principal_id);
