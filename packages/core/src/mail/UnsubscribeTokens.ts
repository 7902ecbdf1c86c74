import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../Clock';

/** What a genuine unsubscribe token says: whose notifications of which kind to stop. */
export interface UnsubscribeClaim {
  readonly userId: string;
  /** A notification kind, or `all`. */
  readonly scope: string;
  /** When the token was made, in milliseconds since the epoch (whole seconds). */
  readonly issuedAt: number;
}

export type UnsubscribeVerdict =
  | ({ readonly valid: true } & UnsubscribeClaim)
  | { readonly valid: false; readonly reason: 'malformed' | 'forged' | 'expired' };

export interface UnsubscribeTokensOptions {
  /** The server's signing key for unsubscribe links (at least 32 bytes). */
  readonly key: Uint8Array;
  readonly clock: Clock;
  /** How long a link works after it was sent; default a year. */
  readonly maxAgeMs?: number;
}

/** Scopes are notification kinds (`mention`, `comment.reply`…) or `all`. */
const scopePattern = /^[a-z][a-z0-9_.-]{0,63}$/;
const base64url = /^[A-Za-z0-9_-]+$/;
/** Tokens go into URLs and mail headers; anything longer is not one of ours. */
const maxTokenLength = 512;
/** Keeps these MACs from ever standing for anything else signed with the same key. */
const purpose = 'lore.unsubscribe.v1';
/** Clocks of a cluster's processes may disagree a little. */
const clockSkewMs = 5 * 60_000;

export const defaultUnsubscribeMaxAgeMs = 365 * 86_400_000;

/** Whether `scope` can be put in an unsubscribe token. */
export function isUnsubscribeScope(scope: string): boolean {
  return scopePattern.test(scope);
}

/**
 * Signed unsubscribe tokens: `<payload>.<mac>`, where the payload (base64url JSON) carries the
 * person's id, the scope and the time it was made, and the MAC is HMAC-SHA256 over it with the
 * server's key. Nothing is stored per token: the signature is the authority, so a token works
 * without a session (RFC 8058 one-click) and nobody can make one for someone else.
 */
export class UnsubscribeTokens {
  readonly #key: Uint8Array;
  readonly #clock: Clock;
  readonly #maxAgeMs: number;

  constructor(options: UnsubscribeTokensOptions) {
    if (options.key.length < 32) throw new Error('The unsubscribe key must be at least 32 bytes.');
    this.#key = options.key;
    this.#clock = options.clock;
    this.#maxAgeMs = options.maxAgeMs ?? defaultUnsubscribeMaxAgeMs;
  }

  /** A token that unsubscribes `userId` from `scope`. */
  issue(userId: string, scope: string): string {
    if (userId.length === 0 || userId.length > 100) throw new Error('Not a user id.');
    if (!isUnsubscribeScope(scope)) throw new Error(`Not an unsubscribe scope: ${scope}`);
    const issuedAtSeconds = Math.floor(this.#clock.now() / 1000);
    const payload = Buffer.from(JSON.stringify([userId, scope, issuedAtSeconds])).toString(
      'base64url',
    );
    return `${payload}.${this.#mac(payload).toString('base64url')}`;
  }

  /** What `token` says, when it is ours, untouched and not too old. */
  verify(token: string): UnsubscribeVerdict {
    const parts = token.length <= maxTokenLength ? token.split('.') : [];
    const [payload, mac] = parts;
    if (
      parts.length !== 2 ||
      !payload ||
      !mac ||
      !base64url.test(payload) ||
      !base64url.test(mac)
    ) {
      return { valid: false, reason: 'malformed' };
    }
    const expected = this.#mac(payload);
    const given = Buffer.from(mac, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return { valid: false, reason: 'forged' };
    }
    const claim = parseClaim(payload);
    if (!claim) return { valid: false, reason: 'malformed' };
    const now = this.#clock.now();
    if (claim.issuedAt > now + clockSkewMs) return { valid: false, reason: 'malformed' };
    if (now - claim.issuedAt > this.#maxAgeMs) return { valid: false, reason: 'expired' };
    return { valid: true, ...claim };
  }

  #mac(payload: string): Buffer {
    return createHmac('sha256', this.#key).update(`${purpose}.${payload}`).digest();
  }
}

/** The claim inside a payload whose MAC matched; null when it is not the expected shape. */
function parseClaim(payload: string): UnsubscribeClaim | null {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(value) || value.length !== 3) return null;
  const [userId, scope, seconds] = value as unknown[];
  if (typeof userId !== 'string' || userId.length === 0) return null;
  if (typeof scope !== 'string' || !isUnsubscribeScope(scope)) return null;
  if (typeof seconds !== 'number' || !Number.isSafeInteger(seconds) || seconds < 0) return null;
  return { userId, scope, issuedAt: seconds * 1000 };
}
