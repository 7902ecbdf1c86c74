import type { TokenScope } from '../accounts/TokenScope';
import type { Role } from '../accounts/User';

/** Why sessions ended before their time. */
export type SessionRevocationReason =
  | 'logout'
  | 'logout_everywhere'
  | 'password_changed'
  | 'password_reset';

/** How an account came to be. */
export type UserCreationPath = 'setup' | 'operator' | 'admin' | 'invite' | 'sso';

/** How a session began: a password, the first setup, an accepted invite or a password reset. */
export type SignInPath = 'password' | 'setup' | 'invite' | 'password_reset' | 'sso';

import type { PrincipalList } from '../access/PageRestriction';
import type { PrincipalKind } from '../access/SpaceGrant';
import type { DefaultSpaceRole, SpaceRole } from '../access/SpaceRole';
import type { SpaceVisibility } from '../access/SpaceVisibility';

/**
 * What each kind of domain event carries besides the common fields. Events are facts about
 * something that happened, written in the same store transaction as the change itself; the
 * page or space they concern is in `pageId` / `spaceId`.
 */
export interface DomainEventData {
  'page.created': { readonly title: string; readonly parentId: string | null };
  'page.renamed': { readonly title: string; readonly previousTitle: string };
  'page.moved': {
    readonly parentId: string | null;
    readonly previousParentId: string | null;
    readonly previousSpaceId: string;
  };
  'page.trashed': { readonly title: string };
  'page.restored': { readonly title: string };
  'page.icon_changed': { readonly icon: string | null };
  /**
   * The page's document changed: one event per page per quiet window (or per longest wait
   * while edits go on), not one per keystroke.
   */
  'page.content_changed': { readonly firstChangeAt: number; readonly lastChangeAt: number };
  'page.tags_changed': { readonly tags: readonly string[] };
  'space.created': { readonly name: string; readonly slug: string };
  'space.changed': { readonly name: string };
  /** Who reads the space changed: its visibility and/or the role open spaces give members. */
  'space.visibility_changed': {
    readonly visibility: SpaceVisibility;
    readonly defaultRole: DefaultSpaceRole;
    readonly previousVisibility: SpaceVisibility;
    readonly previousDefaultRole: DefaultSpaceRole;
  };
  /** A person or group was made a member of the space, or their role in it changed. */
  'space.member_set': {
    readonly kind: PrincipalKind;
    readonly principalId: string;
    readonly role: SpaceRole;
    readonly previousRole: SpaceRole | null;
  };
  'space.member_removed': {
    readonly kind: PrincipalKind;
    readonly principalId: string;
    readonly previousRole: SpaceRole;
  };
  'group.created': { readonly groupId: string; readonly name: string };
  'group.renamed': {
    readonly groupId: string;
    readonly name: string;
    readonly previousName: string;
  };
  /** The group is gone with its grants: its members and spaces, as they were, are named. */
  'group.deleted': {
    readonly groupId: string;
    readonly name: string;
    readonly memberIds: readonly string[];
    readonly spaceIds: readonly string[];
  };
  'group.member_added': { readonly groupId: string; readonly userId: string };
  'group.member_removed': { readonly groupId: string; readonly userId: string };
  /** Who may read or edit the page and its subpages changed (null: not restricted). */
  'page.restrictions_changed': {
    readonly view: PrincipalList | null;
    readonly edit: PrincipalList | null;
    readonly previousView: PrincipalList | null;
    readonly previousEdit: PrincipalList | null;
  };
  'attachment.added': { readonly attachmentId: string; readonly fileName: string };
  'import.finished': {
    readonly pagesCreated: number;
    readonly pagesUpdated: number;
    /** Every page the import wrote, so consumers can bring them up to date at once. */
    readonly pageIds: readonly string[];
  };
  /** An admin made an invite link; the account exists only once it is accepted. */
  'user.invited': {
    readonly inviteId: string;
    readonly email: string;
    readonly role: Role;
    readonly expiresAt: number;
  };
  'user.created': {
    readonly userId: string;
    readonly email: string;
    readonly role: Role;
    readonly via: UserCreationPath;
  };
  /** The account can no longer sign in; all its sessions ended and its tokens stopped working. */
  'user.disabled': { readonly userId: string };
  'user.enabled': { readonly userId: string };
  'user.role_changed': {
    readonly userId: string;
    readonly role: Role;
    readonly previousRole: Role;
  };
  /** The account is gone (its content stays, shown as "Former user"); sessions and tokens too. */
  'user.deleted': { readonly userId: string };
  /** A session began (the session's id is not carried: it is only ever shown as a hash). */
  'user.signed_in': { readonly userId: string; readonly via: SignInPath };
  /** The person chose a new password themselves, or through a reset link. */
  'user.password_changed': { readonly userId: string; readonly via: 'self' | 'reset' };
  /** An admin (or the operator) made a one-time link to choose a new password. */
  'user.password_reset_created': {
    readonly userId: string;
    readonly resetId: string;
    readonly expiresAt: number;
  };
  /** An open invite link was revoked before it was used. */
  'user.invite_revoked': { readonly inviteId: string; readonly email: string };
  /**
   * Sessions ended before their time. `sessionIds` are the sessions' ids (hashes of their
   * secrets, never the secrets), so open connections made with them can be found and closed.
   */
  'user.sessions_revoked': {
    readonly userId: string;
    readonly sessionIds: readonly string[];
    readonly reason: SessionRevocationReason;
  };
  'token.created': {
    readonly userId: string;
    readonly tokenId: string;
    readonly name: string;
    readonly scope: TokenScope;
    readonly expiresAt: number | null;
  };
  'token.revoked': { readonly userId: string; readonly tokenId: string; readonly name: string };
  /** Someone made a public, read-only link to the page (`pageId`), optionally with its subpages. */
  'share.created': ShareEventData;
  /** A public link stopped working because someone revoked it. */
  'share.revoked': ShareEventData;
  /**
   * A public link was opened. Written at most once per link per hour (with its `lastUsedAt`),
   * so an audit log shows use without one event per visit.
   */
  'share.used': { readonly shareId: string };
  /**
   * Someone opened a comment thread on the page (its first comment). `mentionedUserIds`: the
   * people its body mentions.
   */
  'comment.thread_created': CommentEventData & { readonly anchored: boolean };
  /** Someone replied in a thread. */
  'comment.replied': CommentEventData;
  /** Someone edited their comment; `mentionedUserIds` holds only the people it now newly mentions. */
  'comment.edited': CommentEventData;
  /**
   * A comment was deleted: `threadDeleted` when it was the thread's only comment (the thread is
   * gone); a first comment with replies stays as a placeholder.
   */
  'comment.deleted': {
    readonly threadId: string;
    readonly commentId: string;
    readonly threadDeleted: boolean;
  };
  'comment.thread_resolved': { readonly threadId: string };
  'comment.thread_reopened': { readonly threadId: string };
  /** Someone reacted to a comment (`commentId`, `threadId`) or to the page itself (both null). */
  'reaction.added': ReactionEventData;
  /** Someone took their reaction back. */
  'reaction.removed': ReactionEventData;
}

/** What the comment events that carry a body (created, replied, edited) have besides the page. */
export interface CommentEventData {
  readonly threadId: string;
  readonly commentId: string;
  /** The author of the comment is the event's actor; these are the people it mentions. */
  readonly mentionedUserIds: readonly string[];
}

/** What `reaction.added` and `reaction.removed` carry besides the page. */
export interface ReactionEventData {
  readonly emoji: string;
  /** The comment reacted to, or null for a reaction to the page. */
  readonly commentId: string | null;
  readonly threadId: string | null;
}

/** What `share.created` and `share.revoked` carry besides the page and space. */
export interface ShareEventData {
  readonly shareId: string;
  readonly includeSubpages: boolean;
  readonly expiresAt: number | null;
}

export type DomainEventType = keyof DomainEventData;

/** Every event type, for validation and documentation. */
export const domainEventTypes = [
  'page.created',
  'page.renamed',
  'page.moved',
  'page.trashed',
  'page.restored',
  'page.icon_changed',
  'page.content_changed',
  'page.tags_changed',
  'space.created',
  'space.changed',
  'space.visibility_changed',
  'space.member_set',
  'space.member_removed',
  'group.created',
  'group.renamed',
  'group.deleted',
  'group.member_added',
  'group.member_removed',
  'page.restrictions_changed',
  'attachment.added',
  'import.finished',
  'user.invited',
  'user.created',
  'user.disabled',
  'user.enabled',
  'user.role_changed',
  'user.deleted',
  'user.signed_in',
  'user.password_changed',
  'user.password_reset_created',
  'user.invite_revoked',
  'user.sessions_revoked',
  'token.created',
  'token.revoked',
  'share.created',
  'share.revoked',
  'share.used',
  'comment.thread_created',
  'comment.replied',
  'comment.edited',
  'comment.deleted',
  'comment.thread_resolved',
  'comment.thread_reopened',
  'reaction.added',
  'reaction.removed',
] as const satisfies readonly DomainEventType[];

/** An event about to be written: its type, what it concerns, who did it, when, and its data. */
export interface NewDomainEvent<T extends DomainEventType = DomainEventType> {
  readonly type: T;
  readonly pageId: string | null;
  readonly spaceId: string | null;
  /** The user who caused it, or null for the system (a background repair, a server edit). */
  readonly actorId: string | null;
  readonly at: number;
  readonly data: DomainEventData[T];
}

/** A written event, numbered in the order the changes were committed. */
export interface StoredDomainEvent<T extends DomainEventType = DomainEventType>
  extends NewDomainEvent<T> {
  readonly seq: number;
}

/** Any stored event, narrowed by `type` (`if (event.type === 'page.moved') event.data.…`). */
export type DomainEvent = { [T in DomainEventType]: StoredDomainEvent<T> }[DomainEventType];

export function isDomainEventType(value: unknown): value is DomainEventType {
  return (domainEventTypes as readonly unknown[]).includes(value);
}
