import type { ShareLink } from './ShareLink';

/** Persistence of public share links. Plain data; the rules are in `ShareService`. */
export interface ShareLinkStore {
  insertShare(share: ShareLink): void;
  findShareById(id: string): ShareLink | null;
  /** The link whose secret hashes to `secretHash`, revoked or not. */
  findShareBySecretHash(secretHash: string): ShareLink | null;
  /** The links of these pages that are not revoked (expired ones included), oldest first. */
  listSharesOfPages(pageIds: readonly string[]): ShareLink[];
  /** Marks a link revoked; false when it was unknown or revoked already. */
  revokeShare(id: string, by: string, at: number): boolean;
  /**
   * Sets `lastUsedAt` to `at` when the link was never used or last used before `usedBefore`;
   * true when it did (so only one of several simultaneous visits records the use).
   */
  markShareUsed(id: string, at: number, usedBefore: number): boolean;
  /** Runs `work` atomically against this store (and the event log in the same database). */
  transaction<T>(work: () => T): T;
}
