/** Who an outside identity provider says signed in, after the edge checked its proof. */
export interface ExternalIdentity {
  /** The provider's id (the OIDC issuer URL). */
  readonly providerId: string;
  readonly subject: string;
  readonly email: string;
  /** Whether the provider checked that the person owns the email. */
  readonly emailVerified: boolean;
  /** The name to give a new account; null to derive one from the email. */
  readonly displayName: string | null;
  /** Names of the person's groups at the provider; null when the provider sends none. */
  readonly groups: readonly string[] | null;
}
