import { DomainError } from '../DomainError';

/** The upload's content is of a kind Lore refuses to store (programs). */
export class UnsupportedAttachmentTypeError extends DomainError {
  readonly code = 'unsupported_type';
  constructor(readonly kind: string) {
    super(`Files of this kind (${kind}) cannot be attached.`);
  }
}
