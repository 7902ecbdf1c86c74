import type { User } from '../accounts/User';
import { PermissionDeniedError } from '../DomainError';

/**
 * What a workspace role allows. Admins and members read and edit everything; guests read.
 * Space-level grants will refine these answers without changing the callers.
 */
export const workspacePolicy = {
  canRead: (_user: User) => true,
  canEdit: (user: User) => user.role === 'admin' || user.role === 'member',
  canAdminister: (user: User) => user.role === 'admin',
};

export function assertCanEdit(user: User): void {
  if (!workspacePolicy.canEdit(user)) {
    throw new PermissionDeniedError('Guests can read pages but not change them.');
  }
}
