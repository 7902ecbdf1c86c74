import { randomUUID } from 'node:crypto';
import type { AccessPolicy } from '../access/AccessPolicy';
import type { AccessStore } from '../access/AccessStore';
import { accessAllows } from '../access/PageAccess';
import type { AccountStore } from '../accounts/AccountStore';
import { hashSecret, newSecret } from '../accounts/secretToken';
import type { User } from '../accounts/User';
import type { Clock } from '../Clock';
import { NotFoundError, PermissionDeniedError, ValidationError } from '../DomainError';
import type { ShareEventData } from '../events/DomainEvent';
import type { EventLog } from '../events/EventLog';
import { isPageLive } from '../pages/isPageLive';
import type { Page } from '../pages/Page';
import type { PageStore } from '../pages/PageStore';
import { SharedScope } from './SharedScope';
import { isShareSecret, type ShareLink, shareUseIntervalMs } from './ShareLink';
import type { ShareLinkStore } from './ShareLinkStore';

export interface ShareServiceOptions {
  readonly store: ShareLinkStore;
  readonly pages: Pick<
    PageStore,
    'findPageById' | 'findPageByShortId' | 'listChildren' | 'listPagesInSpace'
  >;
  /** Pages below a shared page with their own view restriction stay out of the share. */
  readonly restrictions: Pick<AccessStore, 'findPageRestriction'>;
  readonly policy: AccessPolicy;
  /** Whoever made a link must still be able to share the page for the link to work. */
  readonly people: Pick<AccountStore, 'findUserById'>;
  readonly clock: Clock;
  /** Where changes write their events, in the change's own transaction. */
  readonly events: EventLog;
}

export interface NewShare {
  readonly includeSubpages?: boolean;
  readonly allowIndexing?: boolean;
  /** Milliseconds since the epoch, in the future; null or absent: until revoked. */
  readonly expiresAt?: number | null;
}

/** A link with its page and the person who made it, as lists show it. */
export interface ListedShare {
  readonly share: ShareLink;
  readonly page: Page;
  readonly creator: Pick<User, 'id' | 'displayName'>;
}

/** A new link and its secret, which exists only in this answer (the store keeps its hash). */
export interface CreatedShare extends ListedShare {
  readonly secret: string;
}

const shareNotFound = () => new NotFoundError('The share link', 'share_not_found');
const pageNotFound = () => new NotFoundError('The page', 'page_not_found');

/**
 * Public share links: who may make and revoke them, and what a visitor holding one may see.
 *
 * - Making a link needs edit access to a live page; guests cannot share publicly.
 * - The creator or an admin of the page's space revokes it.
 * - A link works while it is not revoked, not expired, its page and every page above it are
 *   out of the trash, and its creator could still make it (an enabled account, not a guest,
 *   with edit access to the page). So links die with their creator's access, and come back if
 *   that access does (unless revoked or expired meanwhile).
 */
export class ShareService {
  readonly #store: ShareLinkStore;
  readonly #pages: ShareServiceOptions['pages'];
  readonly #restrictions: ShareServiceOptions['restrictions'];
  readonly #policy: AccessPolicy;
  readonly #people: ShareServiceOptions['people'];
  readonly #clock: Clock;
  readonly #events: EventLog;

  constructor(options: ShareServiceOptions) {
    this.#store = options.store;
    this.#pages = options.pages;
    this.#restrictions = options.restrictions;
    this.#policy = options.policy;
    this.#people = options.people;
    this.#clock = options.clock;
    this.#events = options.events;
  }

  /**
   * Makes a public link to a page.
   * @throws NotFoundError `page_not_found` (unreadable, unknown or in the trash),
   *   PermissionDeniedError without edit access or for guests, ValidationError for an expiry
   *   that is not in the future.
   */
  create(actor: User, pageId: string, input: NewShare = {}): CreatedShare {
    const page = this.#policy.requirePage(actor, pageId, 'read');
    if (!isPageLive(this.#pages, page)) throw pageNotFound();
    this.#policy.requirePage(actor, page.id, 'edit');
    if (actor.role === 'guest')
      throw new PermissionDeniedError('Guests cannot share pages publicly.');
    const now = this.#clock.now();
    const expiresAt = input.expiresAt ?? null;
    if (expiresAt !== null && (!Number.isFinite(expiresAt) || expiresAt <= now)) {
      throw new ValidationError('The expiry must be in the future.');
    }
    const secret = newSecret('');
    const share: ShareLink = {
      id: randomUUID(),
      secretHash: hashSecret(secret),
      pageId: page.id,
      includeSubpages: input.includeSubpages ?? false,
      allowIndexing: input.allowIndexing ?? false,
      expiresAt,
      createdBy: actor.id,
      createdAt: now,
      revokedAt: null,
      revokedBy: null,
      lastUsedAt: null,
    };
    this.#store.transaction(() => {
      this.#store.insertShare(share);
      this.#emit(actor.id, 'share.created', page, share, now);
    });
    return { share, page, secret, creator: { id: actor.id, displayName: actor.displayName } };
  }

  /**
   * The page's links that work, oldest first, for people who may edit it.
   * @throws NotFoundError `page_not_found`, PermissionDeniedError without edit access.
   */
  listForPage(actor: User, pageId: string): ListedShare[] {
    const page = this.#policy.requirePage(actor, pageId, 'edit');
    return this.#listed(this.#store.listSharesOfPages([page.id]));
  }

  /**
   * Every working link to a page of the space, oldest first, for the space's admins.
   * @throws NotFoundError `space_not_found`, PermissionDeniedError for anyone else.
   */
  listForSpace(actor: User, spaceIdOrSlug: string): ListedShare[] {
    const { space } = this.#policy.requireSpace(actor, spaceIdOrSlug, 'admin');
    const pageIds = this.#pages.listPagesInSpace(space.id).map((page) => page.id);
    return this.#listed(this.#store.listSharesOfPages(pageIds));
  }

  /**
   * Revokes a link of the page: its creator or an admin of the page's space may.
   * @throws NotFoundError `page_not_found` / `share_not_found`, PermissionDeniedError.
   */
  revoke(actor: User, pageId: string, shareId: string): void {
    const page = this.#policy.requirePage(actor, pageId, 'read');
    this.#store.transaction(() => {
      const share = this.#store.findShareById(shareId);
      if (!share || share.pageId !== page.id || share.revokedAt !== null) throw shareNotFound();
      if (share.createdBy !== actor.id && this.#policy.spaceRole(actor, page.spaceId) !== 'admin') {
        throw new PermissionDeniedError(
          'Only whoever made the link or an admin of the space can revoke it.',
        );
      }
      const now = this.#clock.now();
      if (!this.#store.revokeShare(share.id, actor.id, now)) throw shareNotFound();
      this.#emit(actor.id, 'share.revoked', page, share, now);
    });
  }

  /**
   * What the holder of `secret` may see, or null when the link is unknown, revoked, expired or
   * otherwise no longer works (the same answer in every case).
   */
  resolve(secret: string): SharedScope | null {
    if (!isShareSecret(secret)) return null;
    const share = this.#store.findShareBySecretHash(hashSecret(secret));
    if (!share) return null;
    const page = this.#workingPage(share, this.#clock.now());
    return page
      ? new SharedScope(share, page, { pages: this.#pages, restrictions: this.#restrictions })
      : null;
  }

  /**
   * Records that the link was opened: `lastUsedAt` and a `share.used` event, at most once an
   * hour per link.
   */
  recordUse(scope: SharedScope): void {
    const now = this.#clock.now();
    this.#store.transaction(() => {
      if (!this.#store.markShareUsed(scope.share.id, now, now - shareUseIntervalMs + 1)) return;
      this.#events.append({
        type: 'share.used',
        pageId: scope.root.id,
        spaceId: scope.root.spaceId,
        actorId: null,
        at: now,
        data: { shareId: scope.share.id },
      });
    });
  }

  /** The shared page when the link works at `now`, else null. */
  #workingPage(share: ShareLink, now: number): Page | null {
    if (share.revokedAt !== null) return null;
    if (share.expiresAt !== null && share.expiresAt <= now) return null;
    const page = this.#pages.findPageById(share.pageId);
    if (!page || !isPageLive(this.#pages, page)) return null;
    const creator = this.#people.findUserById(share.createdBy);
    if (!creator || creator.disabledAt !== null || creator.deletedAt !== null) return null;
    if (creator.role === 'guest') return null;
    return accessAllows(this.#policy.pageAccess(creator, page), 'edit') ? page : null;
  }

  #listed(shares: readonly ShareLink[]): ListedShare[] {
    const now = this.#clock.now();
    const listed: ListedShare[] = [];
    for (const share of shares) {
      const page = this.#workingPage(share, now);
      const creator = this.#people.findUserById(share.createdBy);
      if (page && creator) {
        listed.push({ share, page, creator: { id: creator.id, displayName: creator.displayName } });
      }
    }
    return listed;
  }

  #emit(
    actorId: string,
    type: 'share.created' | 'share.revoked',
    page: Page,
    share: ShareLink,
    at: number,
  ): void {
    const data: ShareEventData = {
      shareId: share.id,
      includeSubpages: share.includeSubpages,
      expiresAt: share.expiresAt,
    };
    this.#events.append({ type, pageId: page.id, spaceId: page.spaceId, actorId, at, data });
  }
}
