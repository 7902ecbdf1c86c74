/**
 * A Lore account's identity at an outside provider (an OpenID Connect issuer today, a SAML
 * identity provider later): the provider's id and the subject it gives the person, which never
 * changes even when their email does.
 */
export interface IdentityLink {
  /** Who vouches for the person: an OIDC issuer URL, or a SAML entity id. */
  readonly providerId: string;
  /** The provider's stable id of the person (`sub` in OIDC, the NameID in SAML). */
  readonly subject: string;
  readonly userId: string;
  /** The email the provider gave when the link was made (for admins reading the link). */
  readonly email: string;
  readonly createdAt: number;
  readonly lastSignInAt: number;
}
