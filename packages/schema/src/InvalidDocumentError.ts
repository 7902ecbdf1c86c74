/**
 * Thrown when content does not fit the page schema: unknown node or mark, wrong nesting,
 * bad attribute, or a link/image URL that is not allowed.
 */
export class InvalidDocumentError extends Error {
  /** Stable machine-readable code, for mapping to API errors. */
  readonly code = 'invalid_document';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'InvalidDocumentError';
  }
}
