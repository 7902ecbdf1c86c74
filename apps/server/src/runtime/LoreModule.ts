import type { EventConsumer } from '@lore/core';

/**
 * A feature of the Lore process (search, links, revisions, page metadata…), as the runtime
 * builds it: what it reacts to and its lifecycle. What it needs comes in through its factory's
 * options (stores, services, the collaboration server), never from a global; the services it
 * provides are what the factory returns beside the module; its HTTP routes are declared in
 * `routes/apiRoutes.ts` under its name. See docs/ARCHITECTURE.md for the contract.
 */
export interface LoreModule {
  /** Unique; also the prefix of its consumers' names. */
  readonly name: string;
  /** Its consumers of the domain-event outbox (each keeps its own cursor). */
  readonly consumers?: readonly EventConsumer[];
  /** Starts background work; runs after every module is built, in registration order. */
  start?(): void | Promise<void>;
  /** Stops it; runs in reverse order, after HTTP and websockets stopped taking work. */
  close?(): void | Promise<void>;
}
