-- Who reads a space: `open` (every workspace member, with the default role) or `private`
-- (its members only). Existing spaces stay open, as everyone could read them before.
ALTER TABLE spaces ADD COLUMN visibility TEXT NOT NULL DEFAULT 'open'
  CHECK (visibility IN ('open', 'private'));
ALTER TABLE spaces ADD COLUMN default_role TEXT NOT NULL DEFAULT 'editor'
  CHECK (default_role IN ('viewer', 'commenter', 'editor'));

-- Groups of people, managed by workspace admins.
CREATE TABLE access_groups (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE access_group_members (
  group_id TEXT NOT NULL REFERENCES access_groups (id) ON DELETE CASCADE,
  user_id  TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  PRIMARY KEY (group_id, user_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX access_group_members_by_user ON access_group_members (user_id);

-- Space members: a person or a group with a role in a space.
CREATE TABLE space_grants (
  space_id     TEXT NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
  kind         TEXT NOT NULL CHECK (kind IN ('user', 'group')),
  principal_id TEXT NOT NULL,
  role         TEXT NOT NULL CHECK (role IN ('viewer', 'commenter', 'editor', 'admin')),
  PRIMARY KEY (space_id, kind, principal_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX space_grants_by_principal ON space_grants (kind, principal_id);

-- Page restrictions: a restricted page, whether its view and edit lists apply, and their entries.
CREATE TABLE page_restrictions (
  page_id         TEXT PRIMARY KEY REFERENCES pages (id) ON DELETE CASCADE,
  view_restricted INTEGER NOT NULL CHECK (view_restricted IN (0, 1)),
  edit_restricted INTEGER NOT NULL CHECK (edit_restricted IN (0, 1)),
  updated_by      TEXT NOT NULL,
  updated_at      INTEGER NOT NULL
) STRICT;

CREATE TABLE page_restriction_entries (
  page_id      TEXT NOT NULL REFERENCES page_restrictions (page_id) ON DELETE CASCADE,
  list         TEXT NOT NULL CHECK (list IN ('view', 'edit')),
  kind         TEXT NOT NULL CHECK (kind IN ('user', 'group')),
  principal_id TEXT NOT NULL,
  PRIMARY KEY (page_id, list, kind, principal_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX page_restriction_entries_by_principal ON page_restriction_entries (kind, principal_id);

-- Whoever created a space administers it.
INSERT INTO space_grants (space_id, kind, principal_id, role)
SELECT id, 'user', created_by, 'admin' FROM spaces WHERE created_by IS NOT NULL;
