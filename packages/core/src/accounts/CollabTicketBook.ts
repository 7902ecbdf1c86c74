import type { Clock } from '../Clock';
import type { Credential } from './Credential';
import { hashSecret, newSecret } from './secretToken';

export interface CollabTicket {
  /** The secret to pass as `?ticket=`; good once, for `ttlMs`. */
  readonly ticket: string;
  readonly expiresAt: number;
}

interface Entry {
  readonly userId: string;
  readonly credential: Credential;
  readonly expiresAt: number;
}

const ticketPrefix = 'lore_wst_';

/**
 * Short-lived, single-use tickets for opening a collaboration socket, so no long-lived secret
 * travels in a URL (where proxies log it). A ticket remembers the credential it was issued
 * for; whoever redeems it re-checks that credential, so a ticket dies with its session.
 * Tickets live in memory: they last seconds, and a restart only makes clients ask again.
 */
export class CollabTicketBook {
  readonly #clock: Clock;
  readonly #ttlMs: number;
  readonly #maxTickets: number;
  readonly #entries = new Map<string, Entry>();

  constructor(options: { clock: Clock; ttlMs: number; maxTickets?: number }) {
    this.#clock = options.clock;
    this.#ttlMs = options.ttlMs;
    this.#maxTickets = options.maxTickets ?? 50_000;
  }

  issue(userId: string, credential: Credential): CollabTicket {
    const now = this.#clock.now();
    this.#prune(now);
    const ticket = newSecret(ticketPrefix);
    const expiresAt = now + this.#ttlMs;
    this.#entries.set(hashSecret(ticket), { userId, credential, expiresAt });
    return { ticket, expiresAt };
  }

  /** The user and credential a ticket was issued for, once; null when unknown, used or expired. */
  redeem(ticket: string): { userId: string; credential: Credential } | null {
    if (!ticket.startsWith(ticketPrefix)) return null;
    const key = hashSecret(ticket);
    const entry = this.#entries.get(key);
    if (!entry) return null;
    this.#entries.delete(key);
    return entry.expiresAt > this.#clock.now()
      ? { userId: entry.userId, credential: entry.credential }
      : null;
  }

  #prune(now: number): void {
    for (const [key, entry] of this.#entries) {
      if (entry.expiresAt <= now || this.#entries.size >= this.#maxTickets) {
        this.#entries.delete(key);
      } else {
        // Every ticket lives equally long, so the rest are newer and still good.
        break;
      }
    }
  }
}
