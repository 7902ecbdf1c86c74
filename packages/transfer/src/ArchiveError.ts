import { DomainError } from '@lore/core';

/**
 * An archive or folder that cannot be imported safely: not a zip, too big once inflated, too many
 * entries, a path leaving the folder. `tooLarge` lets the transport answer 413 instead of 400.
 */
export class ArchiveError extends DomainError {
  readonly code: string;
  readonly tooLarge: boolean;

  constructor(code: string, message: string, options: { tooLarge?: boolean } = {}) {
    super(message);
    this.code = code;
    this.tooLarge = options.tooLarge ?? false;
  }
}
