import type { EventConsumer } from '@lore/core';
import type { Route } from '../http/route';

/**
 * A feature of the Lore process (accounts, pages, search, links, revisions, attachments,
 * transfer…), as the runtime builds it: the HTTP routes it adds, what it reacts to and its
 * lifecycle. What it needs comes in through its factory's options (stores, services, the
 * collaboration server), never from a global; the services it provides are what the factory
 * returns beside the module. See docs/ARCHITECTURE.md for the contract.
 */
export interface LoreModule {
  /** Unique; also the prefix of its consumers' names. */
  readonly name: string;
  /**
   * Its `/api` routes, as declarations (zod schemas and a handler over the services). The HTTP
   * layer mounts them and the API reference documents them, in module order; the runtime itself
   * serves nothing, so commands that use it without HTTP are unaffected.
   */
  readonly routes?: readonly Route[];
  /** Its consumers of the domain-event outbox (each keeps its own cursor). */
  readonly consumers?: readonly EventConsumer[];
  /** Starts background work; runs after every module is built, in registration order. */
  start?(): void | Promise<void>;
  /** Stops it; runs in reverse order, after HTTP and websockets stopped taking work. */
  close?(): void | Promise<void>;
}
