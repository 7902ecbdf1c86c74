import type { User } from '@lore/api';

const storageKey = 'lore.user';

function isUser(value: unknown): value is User {
  if (typeof value !== 'object' || value === null) return false;
  const user = value as Record<string, unknown>;
  return (
    typeof user.id === 'string' &&
    typeof user.email === 'string' &&
    typeof user.displayName === 'string' &&
    typeof user.color === 'string' &&
    (user.role === 'admin' || user.role === 'member' || user.role === 'guest') &&
    typeof user.createdAt === 'string'
  );
}

/**
 * The last signed-in user, kept on this device so that pages saved for offline use still open
 * (with the right name, caret color and read-only state) when the server cannot be reached.
 * It holds nothing secret: the session itself stays in the HttpOnly cookie.
 */
export const cachedUser = {
  read(): User | null {
    try {
      const value: unknown = JSON.parse(localStorage.getItem(storageKey) ?? 'null');
      return isUser(value) ? value : null;
    } catch {
      return null;
    }
  },
  write(user: User): void {
    try {
      localStorage.setItem(storageKey, JSON.stringify(user));
    } catch {
      // Storage may be full or disabled; the app then simply needs the server to start.
    }
  },
  clear(): void {
    try {
      localStorage.removeItem(storageKey);
    } catch {
      // Nothing stored, nothing to clear.
    }
  },
};
