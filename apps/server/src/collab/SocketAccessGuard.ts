import { CloseCode, type CollabConnection, type CollabServer } from '@lore/collab';
import { type AccountService, type Clock, canWriteWith, TimeSlicer, type User } from '@lore/core';
import type { CollabContext } from './collabEndpoint';

/** What a person may do with a page's document over a socket; `gone`: no live page (trash). */
export type SocketPageAccess = 'gone' | 'none' | 'read' | 'write';

export interface SocketAccessGuardOptions {
  readonly collab: CollabServer<CollabContext>;
  readonly accounts: Pick<AccountService, 'recheckCredential'>;
  /** The one access rule, asked for the person as they are now. */
  readonly pageAccess: (user: User, pageId: string) => SocketPageAccess;
  readonly clock: Clock;
  /** A socket older than this is asked to reconnect (1001), proving who it is again. */
  readonly maxLifetimeMs?: number;
  /** Every socket is checked again this often, whatever happened. */
  readonly sweepMs?: number;
  /**
   * Paces that sweep with the process's other background work (a thousand sockets on
   * PostgreSQL are thousands of round trips). Default: a slicer of its own.
   */
  readonly slicer?: TimeSlicer;
  readonly onError?: (error: unknown) => void;
}

/** What one recheck already asked, by credential and by person and page. */
interface RecheckAnswers {
  readonly credentials: Map<string, ReturnType<AccountService['recheckCredential']>>;
  readonly access: Map<string, SocketPageAccess>;
}

/** Twelve hours: a working day with margin; the client reconnects with a fresh ticket. */
export const defaultSocketLifetimeMs = 12 * 60 * 60 * 1000;
const defaultSweepMs = 30_000;

/**
 * Keeps open collaboration sockets within what their person may still do. `recheck` looks at
 * each socket's credential and access again: a credential that no longer holds (signed out,
 * session expired, token revoked, account disabled or deleted) closes it with 4401; a page the
 * person can no longer read closes it with 4403 (4404 once the page is in the trash); losing
 * only the right to edit makes it read-only, and gaining it back makes it writable, without a
 * reconnect. Rechecks run on every
 * access or account event (see `socketAccessConsumer`), at the moment the earliest credential
 * expires, and every `sweepMs` as a backstop; a socket older than `maxLifetimeMs` is asked to
 * reconnect.
 */
export class SocketAccessGuard {
  readonly #options: SocketAccessGuardOptions;
  readonly #maxLifetimeMs: number;
  readonly #sweepMs: number;
  /** When each socket's credential stops holding; absent: no known end. */
  readonly #validUntil = new WeakMap<CollabConnection<CollabContext>, number>();
  #sweep: NodeJS.Timeout | null = null;
  #expiry: NodeJS.Timeout | null = null;
  #expiryAt = Number.POSITIVE_INFINITY;
  #closed = false;
  #sweeping = false;
  readonly #slicer: TimeSlicer;

  constructor(options: SocketAccessGuardOptions) {
    this.#options = options;
    this.#slicer = options.slicer ?? new TimeSlicer();
    this.#maxLifetimeMs = options.maxLifetimeMs ?? defaultSocketLifetimeMs;
    this.#sweepMs = options.sweepMs ?? defaultSweepMs;
  }

  start(): void {
    this.#closed = false;
    this.#sweep = setInterval(() => void this.#sweepAll(), this.#sweepMs);
    this.#sweep.unref();
  }

  close(): void {
    this.#closed = true;
    if (this.#sweep) clearInterval(this.#sweep);
    if (this.#expiry) clearTimeout(this.#expiry);
    this.#sweep = null;
    this.#expiry = null;
    this.#expiryAt = Number.POSITIVE_INFINITY;
  }

  /** Starts watching a socket the door just admitted: notes when its credential ends. */
  watch(connection: CollabConnection<CollabContext>): void {
    this.#check(connection);
  }

  /**
   * Checks the open sockets again (those `which` selects, or all) and applies the outcome at
   * once. Synchronous: when it returns, every refused socket is closed.
   */
  recheck(which?: (connection: CollabConnection<CollabContext>) => boolean): void {
    // Sockets of one credential, and of one person on one page, get one answer per recheck: on
    // PostgreSQL each answer is a few round trips, and a sweep holds the process while it asks.
    const answers: RecheckAnswers = { credentials: new Map(), access: new Map() };
    for (const connection of this.#options.collab.connections()) {
      if (connection.closed || (which && !which(connection))) continue;
      this.#check(connection, answers);
    }
  }

  /**
   * The backstop sweep: every socket, paced between turns of the event loop, since nothing
   * waits on it. Rechecks that an event asks for stay synchronous (`recheck`).
   */
  async #sweepAll(): Promise<void> {
    if (this.#sweeping) return;
    this.#sweeping = true;
    try {
      const answers: RecheckAnswers = { credentials: new Map(), access: new Map() };
      for (const connection of [...this.#options.collab.connections()]) {
        await this.#slicer.pace();
        if (this.#closed) return;
        if (connection.closed) continue;
        this.#safely(() => this.#check(connection, answers));
      }
    } finally {
      this.#sweeping = false;
    }
  }

  #check(connection: CollabConnection<CollabContext>, answers?: RecheckAnswers): void {
    const { context } = connection;
    const now = this.#options.clock.now();
    const credential = context.credential;
    const credentialKey =
      credential.kind === 'session' ? `s:${credential.sessionId}` : `t:${credential.tokenId}`;
    let checked = answers?.credentials.get(credentialKey);
    if (checked === undefined) {
      checked = this.#options.accounts.recheckCredential(credential);
      answers?.credentials.set(credentialKey, checked);
    }
    if (!checked || checked.auth.user.id !== context.user.id) {
      connection.close(CloseCode.Unauthorized, 'signed out');
      return;
    }
    const accessKey = `${checked.auth.user.id}\u0000${connection.docId}`;
    let access = answers?.access.get(accessKey);
    if (access === undefined) {
      access = this.#options.pageAccess(checked.auth.user, connection.docId);
      answers?.access.set(accessKey, access);
    }
    if (access === 'gone') {
      connection.close(CloseCode.NotFound, 'no such page');
      return;
    }
    if (access === 'none') {
      connection.close(CloseCode.Forbidden, 'no access');
      return;
    }
    if (now - context.openedAt >= this.#maxLifetimeMs) {
      connection.close(CloseCode.GoingAway, 'reconnect');
      return;
    }
    const canWrite = access === 'write' && canWriteWith(checked.auth.credential);
    if (connection.canWrite !== canWrite) connection.canWrite = canWrite;
    const until = Math.min(
      checked.validUntil ?? Number.POSITIVE_INFINITY,
      context.openedAt + this.#maxLifetimeMs,
    );
    this.#validUntil.set(connection, until);
    this.#wakeAt(until);
  }

  /** Arms one timer for the earliest end of any watched credential. */
  #wakeAt(at: number): void {
    if (this.#closed || at >= this.#expiryAt || !Number.isFinite(at)) return;
    if (this.#expiry) clearTimeout(this.#expiry);
    this.#expiryAt = at;
    const delay = Math.max(0, at - this.#options.clock.now());
    this.#expiry = setTimeout(() => {
      this.#expiry = null;
      this.#expiryAt = Number.POSITIVE_INFINITY;
      const now = this.#options.clock.now();
      this.#safely(() =>
        this.recheck((connection) => (this.#validUntil.get(connection) ?? Infinity) <= now),
      );
      // Arm the timer for the next earliest end among the sockets still open.
      let next = Number.POSITIVE_INFINITY;
      for (const connection of this.#options.collab.connections()) {
        if (!connection.closed) next = Math.min(next, this.#validUntil.get(connection) ?? next);
      }
      this.#wakeAt(next);
    }, delay + 5);
    this.#expiry.unref();
  }

  #safely(run: () => void): void {
    try {
      run();
    } catch (error) {
      this.#options.onError?.(error);
    }
  }
}
