import { DomainError } from '../DomainError';

/**
 * A new thread's anchor cannot be placed in the page's current document: its positions do not
 * decode or point outside the page body (`invalid_anchor`), or they name content the document does
 * not hold (yet) or enclose no text (`anchor_not_found`; a client that is still syncing can retry).
 */
export class InvalidAnchorError extends DomainError {
  readonly code: 'invalid_anchor' | 'anchor_not_found';
  constructor(code: 'invalid_anchor' | 'anchor_not_found', message: string) {
    super(message);
    this.code = code;
  }
}
