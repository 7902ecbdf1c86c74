import type { AcceptedUpdate, CollabServer } from '@lore/collab';
import {
  type AccessPolicy,
  type AccountStore,
  type Clock,
  type PageStore,
  RevisionService,
  type RevisionStore,
  systemTimers,
  type Timers,
} from '@lore/core';
import { AnnotationOrigin, EditOrigin, YjsVersionedContent } from '@lore/page-document';
import type { Logger } from 'pino';
import type { CollabContext } from '../collab/collabEndpoint';
import { revisionRoutes } from '../routes/revisionRoutes';
import type { LoreModule } from '../runtime/LoreModule';

export interface WireRevisionsOptions {
  /** Where revisions are kept. */
  readonly store: RevisionStore;
  readonly collab: CollabServer<unknown>;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Who may read a page's history and who may change it. */
  readonly policy: AccessPolicy;
  readonly pages: PageStore;
  readonly people: Pick<AccountStore, 'findUserById'>;
  /** Timers for automatic revisions; tests pass a `ManualClock`. */
  readonly timers?: Timers;
  /** Edits pausing this long become a revision. Default 5 minutes. */
  readonly idleMs?: number;
  /** Continuous editing becomes a revision at least this often. Default 30 minutes. */
  readonly maxMs?: number;
}

export interface RevisionWiring {
  readonly revisions: RevisionService;
  /** The collaboration server's `onAccepted`: records who contributed to each page, and when. */
  onAccepted(update: AcceptedUpdate<CollabContext>): void;
  /** Schedules the revisions of edits a previous run left pending. */
  start(): void;
  /** Stops automatic revisions and waits for those being taken; before closing the database. */
  close(): Promise<void>;
  /** The same lifecycle as a runtime module. */
  readonly module: LoreModule;
}

/**
 * Wires page history into a Lore process: revisions stored in the database, content read from and
 * restored into the live collaboration rooms, and every accepted edit recorded with its author.
 */
export function wireRevisions(options: WireRevisionsOptions): RevisionWiring {
  const { collab, clock, logger } = options;
  const revisions = new RevisionService({
    store: options.store,
    content: new YjsVersionedContent(collab),
    pages: options.pages,
    people: options.people,
    policy: options.policy,
    clock,
    timers: options.timers ?? systemTimers,
    ...(options.idleMs !== undefined ? { idleMs: options.idleMs } : {}),
    ...(options.maxMs !== undefined ? { maxMs: options.maxMs } : {}),
    onError: (error, pageId) => logger.error({ err: error, pageId }, 'revision capture failed'),
  });
  return {
    revisions,
    onAccepted: (update) => {
      // Annotations (comment marks) are nobody's edit: no revision, no contributor.
      if (update.origin instanceof AnnotationOrigin) return;
      const userId =
        update.context?.user.id ??
        (update.origin instanceof EditOrigin ? update.origin.userId : null);
      revisions.noteEdit(update.docId, userId, update.clientIds);
    },
    start: () => revisions.resume(),
    close: () => revisions.stop(),
    module: {
      name: 'revisions',
      routes: revisionRoutes,
      start: () => revisions.resume(),
      close: () => revisions.stop(),
    },
  };
}
