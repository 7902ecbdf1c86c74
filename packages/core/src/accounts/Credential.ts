import type { TokenScope } from './TokenScope';
import type { User } from './User';

/**
 * How a request proved who it is. `sessionId` and `tokenId` identify the credential without
 * being its secret (a session's id is the stored hash of its secret), so they can travel in
 * events and logs.
 */
export type Credential =
  | { readonly kind: 'session'; readonly sessionId: string }
  | { readonly kind: 'token'; readonly tokenId: string; readonly scope: TokenScope };

/**
 * The person behind a request and the credential they used. `user.role` is the role the
 * request acts with: an admin's token without the `admin` scope acts as a member, so every
 * admin check in the domain refuses it without knowing about tokens.
 */
export interface Authenticated {
  readonly user: User;
  readonly credential: Credential;
}

/** A credential checked again: who it stands for now, and until when it holds (null: no end). */
export interface CredentialCheck {
  readonly auth: Authenticated;
  readonly validUntil: number | null;
}

/** Whether the credential may change anything (a `read` token may not). */
export function canWriteWith(credential: Credential): boolean {
  return credential.kind === 'session' || credential.scope !== 'read';
}
