import type { NewDomainEvent } from '../events/DomainEvent';
import type { AuditDirectory } from './AuditDirectory';
import type { AuditTarget } from './AuditRecord';
import { personLabel } from './personLabel';

/**
 * What an event was done to, from the fields events share rather than from a list of types, so
 * event types added later get a sensible target without a change here: the page, else the
 * token, group or space, else the person, else the invite. Labels come from the event's own data
 * when it carries them (a trashed page's title, a deleted group's name), else from the
 * directory, as they are at the moment of the change.
 */
export function auditTargetOf(
  event: NewDomainEvent,
  directory: AuditDirectory,
): AuditTarget | null {
  const data = event.data as unknown as Readonly<Record<string, unknown>>;
  const text = (key: string): string | null => {
    const value = data[key];
    return typeof value === 'string' ? value : null;
  };
  if (event.pageId !== null) {
    const label = text('title') ?? directory.page(event.pageId)?.title ?? null;
    return { kind: 'page', id: event.pageId, label };
  }
  const tokenId = text('tokenId');
  if (tokenId !== null) return { kind: 'token', id: tokenId, label: text('name') };
  const groupId = text('groupId');
  if (groupId !== null) {
    return { kind: 'group', id: groupId, label: text('name') ?? directory.group(groupId) };
  }
  if (event.spaceId !== null) {
    return {
      kind: 'space',
      id: event.spaceId,
      label: text('name') ?? directory.space(event.spaceId),
    };
  }
  const userId = text('userId');
  if (userId !== null) {
    const person = directory.person(userId);
    return { kind: 'user', id: userId, label: person ? personLabel(person) : text('email') };
  }
  const inviteId = text('inviteId');
  if (inviteId !== null) return { kind: 'invite', id: inviteId, label: text('email') };
  return null;
}
