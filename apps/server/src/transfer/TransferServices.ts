import type { ExportService, ImportService } from '@lore/core';
import type { ArchiveLimits } from '@lore/transfer';

/** Markdown import and export, and the limits the HTTP door applies to uploaded archives. */
export interface TransferServices {
  readonly importer: ImportService;
  readonly exporter: ExportService;
  /** Largest zip body accepted by `POST /api/import`, in bytes. */
  readonly maxArchiveBytes: number;
  /** Bounds on what an archive may unpack to. */
  readonly archiveLimits: ArchiveLimits;
}
