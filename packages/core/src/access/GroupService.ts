import { randomUUID } from 'node:crypto';
import type { AccountStore } from '../accounts/AccountStore';
import type { User } from '../accounts/User';
import type { Clock } from '../Clock';
import { ConflictError, NotFoundError, ValidationError } from '../DomainError';
import type { DomainEventData } from '../events/DomainEvent';
import type { EventLog } from '../events/EventLog';
import type { AccessStore } from './AccessStore';
import { type Group, groupNameMaxLength } from './Group';
import { assertWorkspaceAdmin, assertWorkspaceMember } from './workspaceRole';

export interface GroupServiceOptions {
  readonly store: AccessStore;
  readonly people: Pick<AccountStore, 'findUserById'>;
  readonly clock: Clock;
  /** Where every change writes its event, in the change's own transaction. */
  readonly events: EventLog;
}

/** A group with its members' user ids. */
export interface GroupWithMembers {
  readonly group: Group;
  readonly memberIds: string[];
}

type GroupEventType =
  | 'group.created'
  | 'group.renamed'
  | 'group.deleted'
  | 'group.member_added'
  | 'group.member_removed';

const groupNotFound = () => new NotFoundError('The group', 'group_not_found');

/**
 * Groups of people, granted roles in spaces and named in page restrictions. Workspace admins
 * manage them; workspace members may look them up (to grant them); guests may not.
 */
export class GroupService {
  readonly #store: AccessStore;
  readonly #people: Pick<AccountStore, 'findUserById'>;
  readonly #clock: Clock;
  readonly #events: EventLog;

  constructor(options: GroupServiceOptions) {
    this.#store = options.store;
    this.#people = options.people;
    this.#clock = options.clock;
    this.#events = options.events;
  }

  list(actor: User): Group[] {
    assertWorkspaceMember(actor, 'Guests cannot list groups.');
    return this.#store.listGroups();
  }

  get(actor: User, groupId: string): GroupWithMembers {
    assertWorkspaceMember(actor, 'Guests cannot see groups.');
    const group = this.#store.findGroupById(groupId);
    if (!group) throw groupNotFound();
    return { group, memberIds: this.#store.listGroupMembers(group.id) };
  }

  create(actor: User, name: string): Group {
    assertWorkspaceAdmin(actor, 'Only workspace admins can manage groups.');
    const clean = cleanName(name);
    const now = this.#clock.now();
    const group: Group = { id: randomUUID(), name: clean, createdAt: now, updatedAt: now };
    this.#store.transaction(() => {
      if (!this.#store.insertGroup(group)) throw nameTaken(clean);
      this.#emit(actor, 'group.created', { groupId: group.id, name: clean }, now);
    });
    return group;
  }

  rename(actor: User, groupId: string, name: string): Group {
    assertWorkspaceAdmin(actor, 'Only workspace admins can manage groups.');
    const clean = cleanName(name);
    return this.#store.transaction(() => {
      const group = this.#store.findGroupById(groupId);
      if (!group) throw groupNotFound();
      if (group.name === clean) return group;
      const now = this.#clock.now();
      if (!this.#store.renameGroup(group.id, clean, now)) throw nameTaken(clean);
      this.#emit(
        actor,
        'group.renamed',
        { groupId: group.id, name: clean, previousName: group.name },
        now,
      );
      return { ...group, name: clean, updatedAt: now };
    });
  }

  /** Deletes a group; its grants and its places in page restrictions go with it. */
  delete(actor: User, groupId: string): void {
    assertWorkspaceAdmin(actor, 'Only workspace admins can manage groups.');
    this.#store.transaction(() => {
      const group = this.#store.findGroupById(groupId);
      if (!group) throw groupNotFound();
      const memberIds = this.#store.listGroupMembers(group.id).sort();
      const spaceIds = [
        ...new Set(this.#store.listGrantsOfGroup(group.id).map((g) => g.spaceId)),
      ].sort();
      this.#store.deleteGroup(group.id);
      this.#emit(actor, 'group.deleted', {
        groupId: group.id,
        name: group.name,
        memberIds,
        spaceIds,
      });
    });
  }

  /** Adds a person to a group; adding someone already in it changes nothing. */
  addMember(actor: User, groupId: string, userId: string): GroupWithMembers {
    assertWorkspaceAdmin(actor, 'Only workspace admins can manage groups.');
    return this.#store.transaction(() => {
      const group = this.#requireGroup(groupId);
      if (!this.#people.findUserById(userId)) {
        throw new NotFoundError('The user', 'user_not_found');
      }
      if (this.#store.addGroupMember(group.id, userId)) {
        this.#emit(actor, 'group.member_added', { groupId: group.id, userId });
      }
      return { group, memberIds: this.#store.listGroupMembers(group.id) };
    });
  }

  removeMember(actor: User, groupId: string, userId: string): GroupWithMembers {
    assertWorkspaceAdmin(actor, 'Only workspace admins can manage groups.');
    return this.#store.transaction(() => {
      const group = this.#requireGroup(groupId);
      if (!this.#store.removeGroupMember(group.id, userId)) {
        throw new NotFoundError('The group member', 'member_not_found');
      }
      this.#emit(actor, 'group.member_removed', { groupId: group.id, userId });
      return { group, memberIds: this.#store.listGroupMembers(group.id) };
    });
  }

  #requireGroup(groupId: string): Group {
    const group = this.#store.findGroupById(groupId);
    if (!group) throw groupNotFound();
    return group;
  }

  #emit<T extends GroupEventType>(
    actor: User,
    type: T,
    data: DomainEventData[T],
    at = this.#clock.now(),
  ): void {
    this.#events.append({ type, pageId: null, spaceId: null, actorId: actor.id, at, data });
  }
}

function cleanName(name: string): string {
  const clean = name.trim().replace(/\s+/g, ' ');
  if (clean.length === 0 || clean.length > groupNameMaxLength) {
    throw new ValidationError(`A group name must be 1 to ${groupNameMaxLength} characters.`);
  }
  return clean;
}

const nameTaken = (name: string) =>
  new ConflictError('group_name_taken', `A group named "${name}" already exists.`);
