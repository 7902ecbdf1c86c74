import { randomUUID } from 'node:crypto';
import type { AccessStore } from '../access/AccessStore';
import type { Group } from '../access/Group';
import { groupNameMaxLength } from '../access/Group';
import type { AccountService, LoginResult } from '../accounts/AccountService';
import type { Role } from '../accounts/User';
import type { Clock } from '../Clock';
import { UnauthenticatedError } from '../DomainError';
import type { DomainEventData, DomainEventType } from '../events/DomainEvent';
import type { EventLog } from '../events/EventLog';
import type { ExternalIdentity } from './ExternalIdentity';
import type { IdentityLinkStore } from './IdentityLinkStore';

export interface ExternalSignInServiceOptions {
  readonly accounts: AccountService;
  readonly links: IdentityLinkStore;
  readonly access: AccessStore;
  readonly clock: Clock;
  readonly events: EventLog;
  /** The workspace role of accounts created at their first sign-in. */
  readonly defaultRole: Role;
}

/**
 * Sign-in vouched for by an outside identity provider (OpenID Connect; SAML later): finds the
 * account linked to the provider's subject, or links the account with the same verified email,
 * or creates one; refuses disabled accounts; keeps the person's provider-managed groups in step
 * with what the provider says. Knows nothing of protocols: the edge checks the proof.
 */
export class ExternalSignInService {
  readonly #accounts: AccountService;
  readonly #links: IdentityLinkStore;
  readonly #access: AccessStore;
  readonly #clock: Clock;
  readonly #events: EventLog;
  readonly #defaultRole: Role;

  constructor(options: ExternalSignInServiceOptions) {
    this.#accounts = options.accounts;
    this.#links = options.links;
    this.#access = options.access;
    this.#clock = options.clock;
    this.#events = options.events;
    this.#defaultRole = options.defaultRole;
  }

  signIn(identity: ExternalIdentity): LoginResult {
    // Linking by an email nobody proved to own would hand the account to whoever typed it.
    if (!identity.emailVerified) {
      throw new UnauthenticatedError(
        'Your identity provider has not verified your email address, so Lore cannot sign you in with it. Verify the address there, then try again.',
        'email_not_verified',
      );
    }
    return this.#links.transaction(() => {
      const userId = this.#linkedUser(identity);
      const result = this.#accounts.signInExternal(userId);
      this.#links.touchLink(identity.providerId, identity.subject, this.#clock.now());
      if (identity.groups !== null) this.#syncGroups(identity.providerId, userId, identity.groups);
      return result;
    });
  }

  /** Ids of the groups whose memberships this provider manages. */
  managedGroups(providerId: string): string[] {
    return this.#links.listManagedGroups(providerId);
  }

  #linkedUser(identity: ExternalIdentity): string {
    const linked = this.#links.findLink(identity.providerId, identity.subject);
    if (linked) return linked.userId;
    const existing = this.#accounts.findAccountByEmail(identity.email);
    const userId =
      existing?.id ??
      this.#accounts.createExternalUser({
        email: identity.email,
        displayName: identity.displayName ?? '',
        role: this.#defaultRole,
      }).id;
    const now = this.#clock.now();
    this.#links.insertLink({
      providerId: identity.providerId,
      subject: identity.subject,
      userId,
      email: identity.email.trim().toLowerCase(),
      createdAt: now,
      lastSignInAt: now,
    });
    return userId;
  }

  /**
   * Adds the person to the groups the provider names (creating missing ones as managed by the
   * provider) and removes them from managed groups it no longer names. Groups admins made by
   * hand keep their members whatever the provider says.
   */
  #syncGroups(providerId: string, userId: string, names: readonly string[]): void {
    const managed = new Set(this.#links.listManagedGroups(providerId));
    const byName = new Map(this.#access.listGroups().map((g) => [g.name.toLowerCase(), g]));
    const wanted = new Set<string>();
    for (const raw of names) {
      const name = raw.trim().replace(/\s+/g, ' ');
      if (name.length === 0 || name.length > groupNameMaxLength) continue;
      let group = byName.get(name.toLowerCase());
      if (!group) {
        group = this.#createGroup(name);
        byName.set(name.toLowerCase(), group);
        this.#links.markGroupManaged(providerId, group.id);
        managed.add(group.id);
      }
      if (!managed.has(group.id)) continue;
      wanted.add(group.id);
      if (this.#access.addGroupMember(group.id, userId)) {
        this.#emit('group.member_added', { groupId: group.id, userId });
      }
    }
    const current = new Set(this.#access.listGroupsOfUser(userId));
    for (const groupId of managed) {
      if (wanted.has(groupId) || !current.has(groupId)) continue;
      if (this.#access.removeGroupMember(groupId, userId)) {
        this.#emit('group.member_removed', { groupId, userId });
      }
    }
  }

  #createGroup(name: string): Group {
    const now = this.#clock.now();
    const group: Group = { id: randomUUID(), name, createdAt: now, updatedAt: now };
    this.#access.insertGroup(group);
    this.#emit('group.created', { groupId: group.id, name });
    return group;
  }

  #emit<T extends DomainEventType>(type: T, data: DomainEventData[T]): void {
    this.#events.append({
      type,
      pageId: null,
      spaceId: null,
      actorId: null,
      at: this.#clock.now(),
      data,
    });
  }
}
