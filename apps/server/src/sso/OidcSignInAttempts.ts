import { randomBytes } from 'node:crypto';
import type { OidcChecks } from './OidcRelyingParty';

/** A sign-in on its way through the provider, kept server-side until the provider sends back. */
export interface OidcSignInAttempt {
  readonly checks: OidcChecks;
  /** The same-origin path to open after signing in. */
  readonly returnTo: string;
  readonly expiresAt: number;
}

/**
 * The sign-ins under way, each under a random id the browser holds in a cookie, so the answer
 * counts only in the browser that started it. An attempt is used once and lives ten minutes.
 * Kept in this process's memory: a cluster needs sticky sessions for the round trip.
 */
export class OidcSignInAttempts {
  readonly #attempts = new Map<string, OidcSignInAttempt>();
  readonly #ttlMs: number;
  readonly #max: number;
  readonly #now: () => number;

  constructor(options: { ttlMs?: number; max?: number; now?: () => number } = {}) {
    this.#ttlMs = options.ttlMs ?? 10 * 60_000;
    this.#max = options.max ?? 10_000;
    this.#now = options.now ?? Date.now;
  }

  /** Keeps the attempt; returns the id for the browser's cookie. */
  begin(checks: OidcChecks, returnTo: string): string {
    const now = this.#now();
    for (const [id, attempt] of this.#attempts) {
      if (attempt.expiresAt <= now) this.#attempts.delete(id);
    }
    // Oldest first: a flood of started sign-ins pushes out the oldest, never grows memory.
    while (this.#attempts.size >= this.#max) {
      const oldest = this.#attempts.keys().next().value;
      if (oldest === undefined) break;
      this.#attempts.delete(oldest);
    }
    const id = randomBytes(32).toString('base64url');
    this.#attempts.set(id, { checks, returnTo, expiresAt: now + this.#ttlMs });
    return id;
  }

  /** The attempt, removed so it cannot be used again; null when unknown or expired. */
  take(id: string): OidcSignInAttempt | null {
    const attempt = this.#attempts.get(id);
    if (!attempt) return null;
    this.#attempts.delete(id);
    return attempt.expiresAt > this.#now() ? attempt : null;
  }
}
