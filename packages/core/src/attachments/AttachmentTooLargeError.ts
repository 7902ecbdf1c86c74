import { DomainError } from '../DomainError';

/** The upload is larger than the configured limit. */
export class AttachmentTooLargeError extends DomainError {
  readonly code = 'too_large';
  constructor(readonly maxBytes: number) {
    const limit =
      maxBytes >= 1024 * 1024
        ? `${Math.round((maxBytes / (1024 * 1024)) * 10) / 10} MiB`
        : `${maxBytes} bytes`;
    super(`The file is larger than the limit of ${limit}.`);
  }
}
