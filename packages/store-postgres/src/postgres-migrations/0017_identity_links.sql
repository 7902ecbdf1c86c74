-- Single sign-on: which account an outside identity provider's subject is (an OIDC issuer and
-- `sub`, or later a SAML entity id and NameID), and which groups a provider manages.
CREATE TABLE identity_links (
  provider_id    TEXT NOT NULL,
  subject        TEXT NOT NULL,
  user_id        TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  email          TEXT NOT NULL,
  created_at     BIGINT NOT NULL,
  last_sign_in_at BIGINT NOT NULL,
  PRIMARY KEY (provider_id, subject)
);
CREATE INDEX identity_links_by_user ON identity_links (user_id);

CREATE TABLE identity_managed_groups (
  provider_id TEXT NOT NULL,
  group_id    TEXT NOT NULL REFERENCES access_groups (id) ON DELETE CASCADE,
  PRIMARY KEY (provider_id, group_id)
);
