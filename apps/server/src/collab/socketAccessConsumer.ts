import type { CollabServer } from '@lore/collab';
import type { DomainEvent, DomainEventType, EventConsumer } from '@lore/core';

/** Events after which an open socket may no longer be allowed what it was allowed. */
const accessEvents = [
  'user.disabled',
  'user.deleted',
  'user.role_changed',
  'user.sessions_revoked',
  'token.revoked',
  'page.moved',
  'page.trashed',
  'page.restrictions_changed',
  'space.visibility_changed',
  'space.member_set',
  'space.member_removed',
  'group.deleted',
  'group.member_added',
  'group.member_removed',
] as const satisfies readonly DomainEventType[];

/** The person an account event is about, when it is about one person. */
function personOf(event: DomainEvent): string | null {
  switch (event.type) {
    case 'user.disabled':
    case 'user.deleted':
    case 'user.role_changed':
    case 'user.sessions_revoked':
    case 'token.revoked':
    case 'group.member_added':
    case 'group.member_removed':
      return event.data.userId;
    case 'space.member_set':
    case 'space.member_removed':
      return event.data.kind === 'user' ? event.data.principalId : null;
    default:
      return null;
  }
}

/**
 * Brings open collaboration sockets in line with an account or access change as soon as it is
 * committed: every process's socket guard checks the affected sockets again (those of the person
 * concerned, or all of them) and closes or downgrades what is no longer allowed. The event is
 * handled once for the whole cluster; the relay carries the check to every process. Rechecking
 * is idempotent.
 */
export function socketAccessConsumer(collab: CollabServer<unknown>): EventConsumer {
  return {
    name: 'socket-access',
    types: accessEvents,
    handle: (event) => {
      const userId = personOf(event);
      collab.recheckAccessEverywhere(userId === null ? {} : { userId });
    },
  };
}
