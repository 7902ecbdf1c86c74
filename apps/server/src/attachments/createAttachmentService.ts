import {
  type AccessPolicy,
  AttachmentService,
  type AttachmentStore,
  type BlobStore,
  type Clock,
  type EventLog,
  type PageStore,
} from '@lore/core';
import type { Config } from '../config';

export interface AttachmentWiring {
  readonly config: Config;
  readonly attachments: AttachmentStore;
  readonly blobs: BlobStore;
  readonly pageStore: PageStore;
  readonly policy: AccessPolicy;
  readonly clock: Clock;
  readonly events: EventLog;
}

/**
 * Attachments as this process stores them: metadata in the database, bytes as files under
 * `<data dir>/attachments`, which is never inside the served web folder.
 */
export function createAttachmentService(wiring: AttachmentWiring): AttachmentService {
  return new AttachmentService({
    attachments: wiring.attachments,
    blobs: wiring.blobs,
    pages: wiring.pageStore,
    policy: wiring.policy,
    clock: wiring.clock,
    events: wiring.events,
    maxBytes: wiring.config.attachmentMaxBytes,
  });
}
