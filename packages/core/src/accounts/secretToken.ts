import { createHash, randomBytes } from 'node:crypto';

/** A fresh secret with a readable prefix, e.g. `lore_pat_…` for API tokens. */
export function newSecret(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/**
 * Secrets (session ids, API tokens) are stored only as their SHA-256: they are long and random,
 * so a fast hash is enough and a stolen database holds nothing that can be replayed.
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}
