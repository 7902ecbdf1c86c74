import type { NewDomainEvent } from '../events/DomainEvent';
import type { AuditDirectory } from './AuditDirectory';
import { personLabel } from './personLabel';

/** Longer lists (an import's pages, a group's members) keep their first items and their length. */
const maxListItems = 20;

/**
 * An event's data as an audit record keeps it: long lists cut short (with their full length
 * beside them), and under `names` the people, groups and space it mentions, named as they are
 * now — that is, as they were when it happened.
 */
export function auditDetailsOf(
  event: NewDomainEvent,
  directory: AuditDirectory,
): Record<string, unknown> {
  const data = event.data as unknown as Readonly<Record<string, unknown>>;
  const details: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (Array.isArray(value) && value.length > maxListItems) {
      details[key] = value.slice(0, maxListItems);
      details[`${key}Total`] = value.length;
    } else {
      details[key] = value;
    }
  }
  const names: Record<string, string> = {};
  const person = (id: unknown) => {
    if (typeof id !== 'string' || id in names) return;
    const found = directory.person(id);
    if (found) names[id] = personLabel(found);
  };
  const group = (id: unknown) => {
    if (typeof id !== 'string' || id in names) return;
    const found = directory.group(id);
    if (found !== null) names[id] = found;
  };
  person(data.userId);
  group(data.groupId);
  if (data.kind === 'group') group(data.principalId);
  else person(data.principalId);
  if (event.spaceId !== null) {
    const space = directory.space(event.spaceId);
    if (space !== null) names[event.spaceId] = space;
  }
  if (Object.keys(names).length > 0) details.names = names;
  return details;
}
