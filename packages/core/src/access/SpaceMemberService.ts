import type { AccountStore } from '../accounts/AccountStore';
import type { User } from '../accounts/User';
import type { Clock } from '../Clock';
import { NotFoundError, PermissionDeniedError, ValidationError } from '../DomainError';
import type { EventLog } from '../events/EventLog';
import type { AccessPolicy } from './AccessPolicy';
import type { AccessStore } from './AccessStore';
import type { PrincipalKind } from './SpaceGrant';
import { type SpaceRole, spaceRoleRank } from './SpaceRole';

export interface SpaceMemberServiceOptions {
  readonly store: AccessStore;
  readonly policy: AccessPolicy;
  readonly people: Pick<AccountStore, 'findUserById'>;
  readonly clock: Clock;
  readonly events: EventLog;
}

/** A member of a space as listed: who (with a name to show) and their role. */
export interface SpaceMember {
  readonly kind: PrincipalKind;
  readonly principalId: string;
  /** The person's display name or the group's name. */
  readonly name: string;
  readonly role: SpaceRole;
}

/**
 * The people and groups given a role in a space. Anyone who sees the space sees its members;
 * space admins (and workspace admins) change them, never granting more than they hold.
 */
export class SpaceMemberService {
  readonly #store: AccessStore;
  readonly #policy: AccessPolicy;
  readonly #people: Pick<AccountStore, 'findUserById'>;
  readonly #clock: Clock;
  readonly #events: EventLog;

  constructor(options: SpaceMemberServiceOptions) {
    this.#store = options.store;
    this.#policy = options.policy;
    this.#people = options.people;
    this.#clock = options.clock;
    this.#events = options.events;
  }

  /** The space's members: groups first, then people, each by name. */
  list(actor: User, spaceIdOrSlug: string): SpaceMember[] {
    const { space } = this.#policy.requireSpace(actor, spaceIdOrSlug);
    const members: SpaceMember[] = [];
    for (const grant of this.#store.listSpaceGrants(space.id)) {
      const name = this.#nameOf(grant.kind, grant.principalId);
      if (name !== null) members.push({ ...grant, name });
    }
    return members.sort(
      (a, b) =>
        (a.kind === b.kind ? 0 : a.kind === 'group' ? -1 : 1) ||
        a.name.localeCompare(b.name) ||
        a.principalId.localeCompare(b.principalId),
    );
  }

  /** Gives a person or group a role in the space (or changes it). */
  set(
    actor: User,
    spaceIdOrSlug: string,
    kind: PrincipalKind,
    principalId: string,
    role: SpaceRole,
  ): SpaceMember {
    const { space, role: actorRole } = this.#policy.requireSpace(actor, spaceIdOrSlug, 'admin');
    if (spaceRoleRank(role) > spaceRoleRank(actorRole)) {
      throw new PermissionDeniedError('You cannot grant a role higher than your own.');
    }
    const name = this.#nameOf(kind, principalId);
    if (name === null) throw principalNotFound(kind);
    if (
      kind === 'user' &&
      role === 'admin' &&
      this.#people.findUserById(principalId)?.role === 'guest'
    ) {
      throw new ValidationError(
        'Guests cannot be space admins; give them the editor role at most.',
      );
    }
    return this.#store.transaction(() => {
      const previous = this.#store.findSpaceGrant(space.id, kind, principalId);
      if (previous?.role !== role) {
        this.#store.setSpaceGrant({ spaceId: space.id, kind, principalId, role });
        this.#events.append({
          type: 'space.member_set',
          pageId: null,
          spaceId: space.id,
          actorId: actor.id,
          at: this.#clock.now(),
          data: { kind, principalId, role, previousRole: previous?.role ?? null },
        });
      }
      return { kind, principalId, name, role };
    });
  }

  /** Removes a person or group from the space's members. */
  remove(actor: User, spaceIdOrSlug: string, kind: PrincipalKind, principalId: string): void {
    const { space } = this.#policy.requireSpace(actor, spaceIdOrSlug, 'admin');
    this.#store.transaction(() => {
      const previous = this.#store.findSpaceGrant(space.id, kind, principalId);
      if (!previous) throw new NotFoundError('The space member', 'member_not_found');
      this.#store.removeSpaceGrant(space.id, kind, principalId);
      this.#events.append({
        type: 'space.member_removed',
        pageId: null,
        spaceId: space.id,
        actorId: actor.id,
        at: this.#clock.now(),
        data: { kind, principalId, previousRole: previous.role },
      });
    });
  }

  #nameOf(kind: PrincipalKind, principalId: string): string | null {
    return kind === 'user'
      ? (this.#people.findUserById(principalId)?.displayName ?? null)
      : (this.#store.findGroupById(principalId)?.name ?? null);
  }
}

const principalNotFound = (kind: PrincipalKind) =>
  kind === 'user'
    ? new NotFoundError('The user', 'user_not_found')
    : new NotFoundError('The group', 'group_not_found');
