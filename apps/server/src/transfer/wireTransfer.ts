import type { CollabServer } from '@lore/collab';
import {
  type AccessPolicy,
  type AttachmentService,
  type AuditWriter,
  type BackgroundWork,
  type Clock,
  type EventLog,
  ExportService,
  ImportService,
  type ImportSourceStore,
  type PageService,
  type RevisionService,
} from '@lore/core';
import { YjsVersionedContent } from '@lore/page-document';
import { type ArchiveLimits, defaultArchiveLimits, SchemaMarkdownCodec } from '@lore/transfer';
import { AttachmentServiceTransfer } from './AttachmentServiceTransfer';
import type { TransferServices } from './TransferServices';

/** 100 MiB: a zip of a large handbook with its images fits many times over. */
export const defaultMaxArchiveBytes = 100 * 1024 * 1024;

export interface WireTransferOptions {
  /** Which file each imported page came from. */
  readonly sources: ImportSourceStore;
  readonly pages: PageService;
  /** Imports need the editor role in their space and edit access to the pages they update. */
  readonly policy: AccessPolicy;
  readonly collab: CollabServer<unknown>;
  readonly revisions: RevisionService;
  /** Where an import says it finished (`import.finished`). */
  readonly events: EventLog;
  /** Where exports are recorded. */
  readonly audit: AuditWriter;
  /** Held back while an import writes (search indexing). */
  readonly background: BackgroundWork | null;
  /** Where imported images go and exported ones come from. */
  readonly attachments: AttachmentService;
  readonly clock: Clock;
  readonly maxArchiveBytes?: number;
  readonly archiveLimits?: ArchiveLimits;
}

/**
 * Wires Markdown import and export: page bodies are read from and written into the live
 * collaboration rooms (so an import merges with people editing), file-to-page mappings are kept
 * in the database, images go through the attachment service.
 */
export function wireTransfer(options: WireTransferOptions): TransferServices {
  const content = new YjsVersionedContent(options.collab);
  const codec = new SchemaMarkdownCodec();
  const attachments = new AttachmentServiceTransfer(options.attachments);
  return {
    importer: new ImportService({
      pages: options.pages,
      policy: options.policy,
      content,
      revisions: options.revisions,
      sources: options.sources,
      codec,
      clock: options.clock,
      attachments,
      events: options.events,
      background: options.background,
    }),
    exporter: new ExportService({
      pages: options.pages,
      content,
      codec,
      attachments,
      audit: options.audit,
    }),
    maxArchiveBytes: options.maxArchiveBytes ?? defaultMaxArchiveBytes,
    archiveLimits: options.archiveLimits ?? defaultArchiveLimits,
  };
}
