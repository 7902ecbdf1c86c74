import { TimeSlicer } from '../background/TimeSlicer';
import type { Clock } from '../Clock';
import type { ConsumerState, DeadLetter } from './ConsumerState';
import type { DomainEvent } from './DomainEvent';
import type { EventConsumer } from './EventConsumer';
import type { EventLog } from './EventLog';

export interface EventDispatcherOptions {
  readonly log: EventLog;
  readonly state: ConsumerState;
  readonly consumers: readonly EventConsumer[];
  readonly clock: Clock;
  /** How often consumers look for events written by other processes. Default 250 ms. */
  readonly pollMs?: number;
  /** Events read at a time. Default 100. */
  readonly batchSize?: number;
  /** Deliveries of one event before it goes to the dead letters. Default 5. */
  readonly maxAttempts?: number;
  /** First retry delay, doubled each time up to `retryMaxMs`. Defaults 500 ms and 30 s. */
  readonly retryBaseMs?: number;
  readonly retryMaxMs?: number;
  /** A page's edits become one `page.content_changed` after this quiet time. Default 1 s. */
  readonly contentQuietMs?: number;
  /** …or at least this often while edits go on. Default 10 s. */
  readonly contentMaxWaitMs?: number;
  /**
   * Paces delivering and turning marks into events, so that the process answers its sockets in
   * between; shared with the process's other background work. Default: a 2 ms slicer of its own.
   */
  readonly slicer?: TimeSlicer;
  /**
   * How often a process asks again for a consumer that another process delivers, so as to take
   * it over when that process stops or dies. Default 1 s.
   */
  readonly claimRetryMs?: number;
  /** Events every consumer has handled are kept this long. Default 7 days. */
  readonly retentionMs?: number;
  /** A delivery failed (it will be retried, or was given up on: see `deadLettered`). */
  readonly onError?: (error: unknown, context: DeliveryContext) => void;
}

export interface DeliveryContext {
  readonly consumer: string;
  readonly seq: number;
  readonly type: string;
  readonly pageId: string | null;
  readonly attempt: number;
  /** True when this failure sent the event to the dead letters. */
  readonly deadLettered: boolean;
}

/** Where one consumer stands, for `lore events` and the admin API. */
export interface ConsumerStatus {
  readonly name: string;
  readonly cursor: number;
  /** Events written after its cursor. */
  readonly behind: number;
  readonly deadLetters: number;
  /** The event it is retrying now, if any. */
  readonly retrying: { readonly seq: number; readonly attempts: number } | null;
}

/** What a replay of a dead letter did. */
export type ReplayOutcome =
  | { readonly ok: true; readonly letter: DeadLetter }
  | { readonly ok: false; readonly letter: DeadLetter; readonly error: string };

const defaults = {
  pollMs: 250,
  batchSize: 100,
  maxAttempts: 5,
  retryBaseMs: 500,
  retryMaxMs: 30_000,
  contentQuietMs: 1_000,
  contentMaxWaitMs: 10_000,
  claimRetryMs: 1_000,
  retentionMs: 7 * 24 * 3_600_000,
};

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * One consumer's delivery loop: reads past its cursor, hands it the events it wants in order,
 * retries a failing one with exponential backoff, and after `maxAttempts` dead-letters it and
 * moves on. It never waits for another consumer unless it named it in `after`.
 */
class ConsumerRunner {
  cursor: number;
  retrying: { seq: number; attempts: number } | null = null;
  /** The last pass found the consumer claimed by another process. */
  claimedElsewhere = false;
  /** This process holds the consumer's claim (see `#pass`). */
  #holding = false;
  /** When this process last tried to take the claim (performance.now()). */
  #lastClaimAttempt = -Infinity;
  #running: Promise<void> | null = null;
  #again = false;
  #sleep: { timer: NodeJS.Timeout; wake: () => void } | null = null;

  constructor(
    readonly consumer: EventConsumer,
    private readonly dispatcher: EventDispatcher,
    private readonly settings: typeof defaults,
    private readonly state: ConsumerState,
    private readonly onError: EventDispatcherOptions['onError'],
    private readonly clock: Clock,
  ) {
    this.cursor = state.cursor(consumer.name);
  }

  get busy(): boolean {
    return this.#running !== null;
  }

  /** Runs the loop now, or once more after the current pass. */
  nudge(): void {
    if (this.dispatcher.stopped) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = this.#pass()
      // The store failed (a lost connection); the next tick or nudge tries again.
      .catch(() => {})
      .finally(() => {
        this.#running = null;
        if (this.#again) {
          this.#again = false;
          this.nudge();
        }
      });
  }

  /** Resolves when the current pass (if any) is over. */
  async idle(): Promise<void> {
    while (this.#running) await this.#running;
  }

  /** Ends a backoff sleep early (the dispatcher is stopping). */
  interrupt(): void {
    const sleep = this.#sleep;
    if (!sleep) return;
    clearTimeout(sleep.timer);
    this.#sleep = null;
    sleep.wake();
  }

  /**
   * One pass under the consumer's claim, which is kept between passes (another process waits
   * until this one stops or loses its connection). When the claim is newly ours another process
   * may have delivered before, so the cursor is read again; while another holds it, the stored
   * cursor still tells those waiting on this consumer how far it got.
   */
  async #pass(): Promise<void> {
    const name = this.consumer.name;
    if (!this.#holding) {
      // While another process delivers, asking again on every wake would cost every process two
      // round trips per consumer per event: ask at most every `claimRetryMs` (a drain asks now).
      const sinceAttempt = performance.now() - this.#lastClaimAttempt;
      if (this.claimedElsewhere && sinceAttempt < this.settings.claimRetryMs) {
        if (!this.dispatcher.draining) return;
      }
      await this.dispatcher.slicer.pace();
      this.#lastClaimAttempt = performance.now();
      if (!this.state.claim(name)) {
        this.claimedElsewhere = true;
        const stored = this.state.cursor(name);
        if (stored > this.cursor) {
          this.cursor = stored;
          this.dispatcher.advanced(name);
        }
        return;
      }
      this.#holding = true;
      this.claimedElsewhere = false;
      try {
        this.cursor = this.state.cursor(name);
      } catch (error) {
        this.releaseClaim();
        throw error;
      }
    }
    const claim = { lost: false };
    try {
      await this.#deliverAll(claim);
      if (claim.lost) this.#holding = false;
    } catch (error) {
      // The store failed: whatever it says next, start again from a fresh claim.
      this.releaseClaim();
      throw error;
    }
  }

  /** Gives the claim back (the dispatcher stops, or the store failed under it). */
  releaseClaim(): void {
    if (!this.#holding) return;
    this.#holding = false;
    try {
      this.state.release(this.consumer.name);
    } catch {
      // A claim on a lost connection ended with it.
    }
  }

  /**
   * Delivers what is there. `claim.lost`: another process took the claim over (ours was lost
   * with a connection), found when saving the cursor; delivery stops at once.
   */
  async #deliverAll(claim: { lost: boolean }): Promise<void> {
    const wanted = new Set<string>(this.consumer.types);
    // The cursor is stored after each handled event, and after a run of events it passes over
    // (once per slice, not once per event): a crash re-delivers at most the event in hand, and
    // re-reads the passed-over ones.
    let passed = false;
    const save = () => {
      if (!passed || claim.lost) return;
      claim.lost = !this.state.setCursor(this.consumer.name, this.cursor);
      passed = false;
    };
    try {
      for (;;) {
        const events = this.dispatcher.readAfter(this.cursor);
        if (events.length === 0) return;
        for (const event of events) {
          if (this.dispatcher.slicer.used) {
            save();
            if (claim.lost) return;
            await this.dispatcher.slicer.pace();
          }
          if (this.dispatcher.stopped) return;
          if (wanted.has(event.type)) {
            if (!this.dispatcher.handledBy(this.consumer.after ?? [], event.seq)) return;
            if (!(await this.#deliver(event))) return;
          }
          this.cursor = event.seq;
          passed = true;
          if (wanted.has(event.type)) save();
          if (claim.lost) return;
          this.dispatcher.advanced(this.consumer.name);
        }
        save();
        if (claim.lost) return;
        if (events.length < this.settings.batchSize) return;
      }
    } finally {
      // Not when the store is closed under us (a stop); the next start re-reads what was passed.
      if (!this.dispatcher.stopped) save();
    }
  }

  /** True once the event is handled or dead-lettered; false when stopped before either. */
  async #deliver(event: DomainEvent): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.consumer.handle(event);
        this.retrying = null;
        return true;
      } catch (error) {
        const deadLettered = attempt >= this.settings.maxAttempts;
        this.#report(error, event, attempt, deadLettered);
        if (deadLettered) {
          this.state.addDeadLetter({
            consumer: this.consumer.name,
            seq: event.seq,
            type: event.type,
            pageId: event.pageId,
            attempts: attempt,
            error: message(error),
            at: this.clock.now(),
          });
          this.retrying = null;
          return true;
        }
        this.retrying = { seq: event.seq, attempts: attempt };
        const delay = Math.min(
          this.settings.retryMaxMs,
          this.settings.retryBaseMs * 2 ** (attempt - 1),
        );
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            this.#sleep = null;
            resolve();
          }, delay);
          timer.unref();
          this.#sleep = { timer, wake: resolve };
        });
        if (this.dispatcher.stopped) return false;
      }
    }
  }

  #report(error: unknown, event: DomainEvent, attempt: number, deadLettered: boolean): void {
    try {
      this.onError?.(error, {
        consumer: this.consumer.name,
        seq: event.seq,
        type: event.type,
        pageId: event.pageId,
        attempt,
        deadLettered,
      });
    } catch {
      // A failing error listener must not stop deliveries.
    }
  }
}

/**
 * Delivers the domain-event outbox to its consumers. Each consumer runs on its own: a slow or
 * failing one delays only itself (and those that declared `after` it). It also turns marked
 * document edits into `page.content_changed` events once a page is quiet, and removes events
 * every consumer has handled once they are older than the retention time (never one that a
 * dead letter still refers to). Processes sharing one store each run a dispatcher: a consumer's
 * events are delivered by whichever holds its claim (`ConsumerState.claim`), one at a time.
 */
export class EventDispatcher {
  readonly #log: EventLog;
  readonly #state: ConsumerState;
  readonly #clock: Clock;
  readonly #settings: typeof defaults;
  readonly #runners = new Map<string, ConsumerRunner>();
  readonly #dependents = new Map<string, ConsumerRunner[]>();
  #timer: NodeJS.Timeout | null = null;
  #lastPrune = 0;
  #started = false;
  #closed = false;
  /** Drains in progress: they deliver even when the dispatcher was never started. */
  #draining = 0;
  #wakeScheduled = false;
  /** `readAfter` answers of this turn of the event loop, by cursor. */
  #recentReads = new Map<number, DomainEvent[]>();
  /** A sliced `#emitContentChanges` goes on in the next turn. */
  #emitting = false;
  readonly #slicer: TimeSlicer;

  constructor(options: EventDispatcherOptions) {
    this.#log = options.log;
    this.#state = options.state;
    this.#clock = options.clock;
    this.#slicer = options.slicer ?? new TimeSlicer();
    this.#settings = {
      pollMs: options.pollMs ?? defaults.pollMs,
      batchSize: options.batchSize ?? defaults.batchSize,
      maxAttempts: options.maxAttempts ?? defaults.maxAttempts,
      retryBaseMs: options.retryBaseMs ?? defaults.retryBaseMs,
      retryMaxMs: options.retryMaxMs ?? defaults.retryMaxMs,
      contentQuietMs: options.contentQuietMs ?? defaults.contentQuietMs,
      contentMaxWaitMs: options.contentMaxWaitMs ?? defaults.contentMaxWaitMs,
      claimRetryMs: options.claimRetryMs ?? defaults.claimRetryMs,
      retentionMs: options.retentionMs ?? defaults.retentionMs,
    };
    for (const consumer of options.consumers) {
      if (this.#runners.has(consumer.name)) {
        throw new Error(`Two event consumers are named "${consumer.name}".`);
      }
      const runner = new ConsumerRunner(
        consumer,
        this,
        this.#settings,
        this.#state,
        options.onError,
        this.#clock,
      );
      this.#runners.set(consumer.name, runner);
    }
    for (const runner of this.#runners.values()) {
      for (const name of runner.consumer.after ?? []) {
        if (!this.#runners.has(name)) {
          throw new Error(
            `"${runner.consumer.name}" runs after "${name}", which is not a consumer.`,
          );
        }
        this.#dependents.set(name, [...(this.#dependents.get(name) ?? []), runner]);
      }
    }
  }

  /** A `drain` is in progress. */
  get draining(): boolean {
    return this.#draining > 0;
  }

  /** True once closed, or while neither started nor draining: deliveries stop. */
  get stopped(): boolean {
    return this.#closed || (!this.#started && this.#draining === 0);
  }

  /** Starts delivering: at once, then on every `wake()` and every `pollMs`. */
  start(): void {
    if (this.#started || this.#closed) return;
    this.#started = true;
    this.#tick();
  }

  /** Stops after the deliveries in progress; retry sleeps end at once (redelivered next start). */
  async close(): Promise<void> {
    this.#closed = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    for (const runner of this.#runners.values()) runner.interrupt();
    await Promise.all([...this.#runners.values()].map((runner) => runner.idle()));
    // Other processes sharing the store take the consumers over at once.
    for (const runner of this.#runners.values()) runner.releaseClaim();
  }

  /** Something was appended: consumers look after the current turn (the transaction is done). */
  wake(): void {
    this.#recentReads.clear();
    if (this.#wakeScheduled || this.stopped) return;
    this.#wakeScheduled = true;
    setImmediate(() => {
      this.#wakeScheduled = false;
      for (const runner of this.#runners.values()) runner.nudge();
    });
  }

  /**
   * Delivers everything written so far (turning every marked edit into its event when
   * `flushContent`) and resolves once every consumer has caught up or dead-lettered what it
   * could not handle. For commands that write and exit, and for tests.
   */
  async drain(options: { flushContent?: boolean } = {}): Promise<void> {
    if (this.#closed) return;
    this.#emitContentChanges(options.flushContent === true, false);
    this.#draining += 1;
    try {
      for (let round = 0; round < 1_000; round++) {
        const last = this.#log.lastSeq();
        const behind = [...this.#runners.values()].filter((runner) => runner.cursor < last);
        if (behind.length === 0) return;
        for (const runner of behind) runner.nudge();
        await Promise.all(behind.map((runner) => runner.idle()));
        // Another process delivers for some of them: give it time instead of spinning.
        if (behind.some((runner) => runner.claimedElsewhere)) {
          await new Promise((resolve) => setTimeout(resolve, Math.min(this.#settings.pollMs, 50)));
        }
      }
    } finally {
      this.#draining -= 1;
    }
  }

  /** The newest event's number. */
  lastSeq(): number {
    return this.#log.lastSeq();
  }

  /** Events consumers gave up on, oldest first. */
  deadLetters(): DeadLetter[] {
    return this.#state.listDeadLetters();
  }

  status(): ConsumerStatus[] {
    const last = this.#log.lastSeq();
    const letters = this.#state.listDeadLetters();
    return [...this.#runners.values()].map((runner) => ({
      name: runner.consumer.name,
      cursor: runner.cursor,
      behind: Math.max(0, last - runner.cursor),
      deadLetters: letters.filter((letter) => letter.consumer === runner.consumer.name).length,
      retrying: runner.retrying,
    }));
  }

  /**
   * Hands a dead-lettered event to its consumer once more. Consumers are idempotent, so a
   * replay of something that was in fact done changes nothing. On success the letter goes.
   */
  async replay(id: number): Promise<ReplayOutcome | null> {
    const letter = this.#state.findDeadLetter(id);
    if (!letter) return null;
    const runner = this.#runners.get(letter.consumer);
    const event = this.#log.get(letter.seq);
    if (!runner || !event) {
      const reason = runner ? 'the event is no longer stored' : 'no such consumer runs here';
      return { ok: false, letter, error: reason };
    }
    try {
      await runner.consumer.handle(event);
    } catch (error) {
      const attempts = letter.attempts + 1;
      this.#state.updateDeadLetter(letter.id, attempts, message(error), this.#clock.now());
      return {
        ok: false,
        letter: { ...letter, attempts, error: message(error) },
        error: message(error),
      };
    }
    this.#state.removeDeadLetter(letter.id);
    return { ok: true, letter };
  }

  /**
   * Events after `cursor`, a batch at most. Consumers mostly stand at the same cursor, so within
   * one turn of the event loop they share one read (an append in this process clears it).
   */
  readAfter(cursor: number): DomainEvent[] {
    const known = this.#recentReads.get(cursor);
    if (known) return known;
    const events = this.#log.readAfter(cursor, this.#settings.batchSize);
    if (this.#recentReads.size === 0) setImmediate(() => this.#recentReads.clear());
    this.#recentReads.set(cursor, events);
    return events;
  }

  /** Paces the background work of the process (see `TimeSlicer`). */
  get slicer(): TimeSlicer {
    return this.#slicer;
  }

  /** True when every named consumer has handled events up to `seq`. */
  handledBy(names: readonly string[], seq: number): boolean {
    return names.every((name) => (this.#runners.get(name)?.cursor ?? seq) >= seq);
  }

  /** A consumer moved on: those that wait for it may go on too. */
  advanced(name: string): void {
    for (const runner of this.#dependents.get(name) ?? []) runner.nudge();
  }

  #tick(): void {
    if (this.stopped) return;
    try {
      this.#emitContentChanges(false, true);
      this.#pruneNow();
    } catch {
      // The store failed; the next tick tries again.
    }
    for (const runner of this.#runners.values()) runner.nudge();
    this.#timer = setTimeout(() => this.#tick(), this.#settings.pollMs);
    this.#timer.unref();
  }

  /**
   * Turns due marks into events (`all`: every mark, due or not). `sliced` (a tick) stops after a
   * slice of work and goes on in a later turn (`#emitMore`); a drain does everything at once.
   */
  #emitContentChanges(all: boolean, sliced: boolean): void {
    if (this.#emitting && sliced) return;
    const now = this.#clock.now();
    const quiet = all ? 0 : this.#settings.contentQuietMs;
    const maxWait = all ? 0 : this.#settings.contentMaxWaitMs;
    for (;;) {
      const due = this.#log.dueContentChanges(now, quiet, maxWait, 200);
      let emitted = 0;
      for (const mark of due) {
        if (sliced && this.#slicer.used) {
          if (emitted > 0) this.wake();
          this.#emitMore();
          return;
        }
        if (this.#log.emitContentChanged(mark, now) !== null) emitted++;
      }
      if (emitted > 0) this.wake();
      if (due.length < 200 || emitted === 0) return;
    }
  }

  /** The rest of a sliced `#emitContentChanges`, after the sockets had their turn. */
  #emitMore(): void {
    this.#emitting = true;
    void this.#slicer.pace().then(() => {
      this.#emitting = false;
      if (this.stopped) return;
      try {
        this.#emitContentChanges(false, true);
      } catch {
        // The store failed; the next tick tries again.
      }
    });
  }

  #pruneNow(): void {
    const now = this.#clock.now();
    if (now - this.#lastPrune < 3_600_000) return;
    this.#lastPrune = now;
    let upTo = Math.min(...[...this.#runners.values()].map((runner) => runner.cursor));
    const oldestDead = this.#state.oldestDeadSeq();
    if (oldestDead !== null) upTo = Math.min(upTo, oldestDead - 1);
    if (Number.isFinite(upTo) && upTo > 0) this.#log.prune(now - this.#settings.retentionMs, upTo);
  }
}
