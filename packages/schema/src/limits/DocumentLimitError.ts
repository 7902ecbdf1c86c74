import { InvalidDocumentError } from '../InvalidDocumentError';
import type { DocumentLimitName } from './documentLimits';

/** Thrown when content would pass one of the page model's structure limits. */
export class DocumentLimitError extends InvalidDocumentError {
  /** Which limit (`maxDepth`, `maxNodes`…), for clients that want to say more than the message. */
  readonly limit: DocumentLimitName;

  constructor(limit: DocumentLimitName, message: string) {
    super(message);
    this.name = 'DocumentLimitError';
    this.limit = limit;
  }
}
