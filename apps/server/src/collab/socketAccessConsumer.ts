import type { DomainEvent, DomainEventType, EventConsumer } from '@lore/core';
import type { SocketAccessGuard } from './SocketAccessGuard';

/** Events after which an open socket may no longer be allowed what it was allowed. */
const accessEvents = [
  'user.disabled',
  'user.deleted',
  'user.role_changed',
  'user.sessions_revoked',
  'token.revoked',
  'page.moved',
] as const satisfies readonly DomainEventType[];

/** The person an account event is about, when it is about one person. */
function personOf(event: DomainEvent): string | null {
  switch (event.type) {
    case 'user.disabled':
    case 'user.deleted':
    case 'user.role_changed':
    case 'user.sessions_revoked':
    case 'token.revoked':
      return event.data.userId;
    default:
      return null;
  }
}

/**
 * Brings open collaboration sockets in line with an account or access change as soon as it is
 * committed: the guard checks the affected sockets again (those of the person concerned, or all
 * of them) and closes or downgrades what is no longer allowed. Rechecking is idempotent.
 */
export function socketAccessConsumer(guard: SocketAccessGuard): EventConsumer {
  return {
    name: 'socket-access',
    types: accessEvents,
    handle: (event) => {
      const userId = personOf(event);
      guard.recheck(userId === null ? undefined : (socket) => socket.context.user.id === userId);
    },
  };
}
