import type { User } from '../accounts/User';
import { PermissionDeniedError } from '../DomainError';

/** Workspace admins manage people, groups and settings, and hold `admin` in every space. */
export function isWorkspaceAdmin(user: User | null): boolean {
  return user?.role === 'admin';
}

export function assertWorkspaceAdmin(user: User, message = 'Only workspace admins can do that.') {
  if (!isWorkspaceAdmin(user)) throw new PermissionDeniedError(message);
}

/**
 * Admins and members contribute to the workspace as a whole (create spaces, keep the glossary);
 * guests take part only where they were invited.
 */
export function assertWorkspaceMember(user: User, message = 'Guests cannot do that.'): void {
  if (user.role !== 'admin' && user.role !== 'member') throw new PermissionDeniedError(message);
}
