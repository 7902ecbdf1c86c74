/**
 * A public, read-only link to a page (and optionally its subpages) that works without signing
 * in. The address carries a secret that is stored only as its hash (`secretHash`).
 */
export interface ShareLink {
  readonly id: string;
  /** SHA-256 of the secret in the link's address (see `hashSecret`); the secret is not kept. */
  readonly secretHash: string;
  readonly pageId: string;
  /** Whether visitors may open the page's live subpages too. */
  readonly includeSubpages: boolean;
  /** Whether search engines may index the shared view (otherwise it says `noindex`). */
  readonly allowIndexing: boolean;
  /** When the link stops working; null: until revoked. */
  readonly expiresAt: number | null;
  readonly createdBy: string;
  readonly createdAt: number;
  readonly revokedAt: number | null;
  readonly revokedBy: string | null;
  /** When the link was last opened, to the hour (uses are recorded at most hourly). */
  readonly lastUsedAt: number | null;
}

/** How often a link's use is recorded (`share.used` and `lastUsedAt`), at most. */
export const shareUseIntervalMs = 3_600_000;

const shareSecretPattern = /^[A-Za-z0-9_-]{43}$/;

/**
 * Whether `value` has the shape of a share link's secret: 43 base64url characters (32 random
 * bytes), which no page short id (10 lowercase characters) can have.
 */
export function isShareSecret(value: string): boolean {
  return shareSecretPattern.test(value);
}
