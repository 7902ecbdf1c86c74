import { createHash } from 'node:crypto';
import {
  type AccessPolicy,
  type AccountStore,
  type Clock,
  type DiscussionStore,
  type EmailDigestMode,
  type EmailTiming,
  emailDueAt,
  isPageLive,
  MailDeliveryError,
  type Notification,
  type NotificationService,
  type NotificationSettings,
  type NotificationStore,
  type Page,
  type PageStore,
  pagePath,
  type Space,
  type SpaceStore,
  type TimeSlicer,
  type UserAccount,
} from '@lore/core';
import type { Logger } from 'pino';
import type { MailServices } from '../mail/MailServices';
import { type DigestItem, renderDigestEmail } from '../mail/renderDigestEmail';
import { renderNotificationEmail } from '../mail/renderNotificationEmail';
import { commentSnippet } from './commentSnippet';

export interface NotificationEmailSenderOptions {
  readonly store: Pick<
    NotificationStore,
    'listEmailRecipients' | 'claimEmails' | 'finishEmails' | 'retryEmailsAt'
  >;
  /** The recipients' current settings (digest mode, email per kind). */
  readonly notifications: Pick<NotificationService, 'settingsOf'>;
  readonly people: Pick<AccountStore, 'findUserById'>;
  readonly pages: Pick<PageStore, 'findPageById'>;
  readonly spaces: Pick<SpaceStore, 'findSpaceById'>;
  /** The comment a notification quotes. */
  readonly discussion: Pick<DiscussionStore, 'findComment'>;
  /** Asked again at send time: an email only tells of what its recipient may read now. */
  readonly policy: AccessPolicy;
  readonly mail: Pick<MailServices, 'messageIdFor' | 'unsubscribeHeaders' | 'unsubscribeUrl'>;
  readonly mailer: NonNullable<MailServices['mailer']>;
  /** The address people reach Lore at: links in emails start with it. */
  readonly publicUrl: URL;
  readonly timing: EmailTiming;
  readonly clock: Clock;
  /** Paces the work between turns of the event loop, with the rest of the background. */
  readonly slicer: Pick<TimeSlicer, 'pace'>;
  readonly logger: Pick<Logger, 'warn' | 'error'>;
  /**
   * How long claimed emails stay with this process while it sends them: longer than a send can
   * take. A process that dies holding some lets them go when this ends. Default 5 minutes.
   */
  readonly leaseMs?: number;
  /** How long after a failed try (server down, "try again later") emails are tried again. */
  readonly retryMs?: number;
  /** A digest not due yet is set aside until it is, for at most this long. Default an hour. */
  readonly holdMs?: number;
}

/** Recipients looked at per round, and emails of one recipient taken at once. */
const recipientsPerRound = 100;
const rounds = 10;
const emailsPerMessage = 200;

/** The notifications of one message, what to send, and what is no longer to be sent. */
interface Sorted {
  readonly send: { notification: Notification; item: DigestItem }[];
  readonly skip: string[];
}

/**
 * Sends notification emails. Each notification its recipient wants by email is stored with its
 * email pending (see `NotificationService.notify`); each pass takes the recipients whose
 * email is due by their digest mode (`instant`: the batching window after the oldest is over;
 * `daily`/`weekly`: the digest hour), claims their pending emails under a lease, checks each
 * again (still unread and not archived, the page still readable by them, email of that kind
 * still on), sends one message (one notification, or several in one), and marks them sent only
 * once the mail server accepted it. A failure lets them go to be tried again later; a crash
 * between the server's acceptance and the mark sends the same message (same Message-ID) again
 * once the lease ended: at least once, never lost.
 */
export class NotificationEmailSender {
  readonly #o: NotificationEmailSenderOptions;
  readonly #leaseMs: number;
  readonly #retryMs: number;
  readonly #holdMs: number;
  #pass: Promise<number> | null = null;

  constructor(options: NotificationEmailSenderOptions) {
    this.#o = options;
    this.#leaseMs = options.leaseMs ?? 300_000;
    this.#retryMs = options.retryMs ?? 60_000;
    this.#holdMs = options.holdMs ?? 3_600_000;
  }

  /**
   * Sends what is due now (after the pass under way, if any, ended); resolves with the number
   * of messages the mail server accepted.
   */
  async sendDue(): Promise<number> {
    while (this.#pass) await this.#pass.catch(() => 0);
    const pass = this.#sendDue().finally(() => {
      this.#pass = null;
    });
    this.#pass = pass;
    return pass;
  }

  /** A pass unless one is under way (for a timer). */
  tick(): void {
    if (this.#pass) return;
    this.sendDue().catch((error) =>
      this.#o.logger.error({ err: error }, 'sending notification emails failed'),
    );
  }

  /** Resolves once the pass under way, if any, ended. */
  async idle(): Promise<void> {
    await this.#pass?.catch(() => 0);
  }

  async #sendDue(): Promise<number> {
    const { store, clock } = this.#o;
    let sent = 0;
    for (let round = 0; round < rounds; round++) {
      const recipients = store.listEmailRecipients(clock.now(), recipientsPerRound);
      if (recipients.length === 0) break;
      const settings = this.#o.notifications.settingsOf(recipients.map((r) => r.userId));
      for (const { userId, oldestAt } of recipients) {
        await this.#o.slicer.pace();
        const chosen = settings.get(userId);
        if (!chosen) continue;
        const now = clock.now();
        const due = emailDueAt(oldestAt, chosen.emailDigest, this.#o.timing);
        if (due <= now) {
          sent += await this.#sendTo(userId, chosen, now);
        } else if (chosen.emailDigest === 'instant') {
          // The longest waiting come first: everyone after waits less, and is not due either
          // (digests behind are looked at within the batching window).
          return sent;
        } else {
          // A digest: out of the list until due (or an hour, to see a change of digest mode).
          store.claimEmails(userId, now, Math.min(due, now + this.#holdMs), emailsPerMessage);
        }
      }
      if (recipients.length < recipientsPerRound) break;
    }
    return sent;
  }

  /**
   * Sends `userId` their pending email (all of it, up to a message's worth: what came within the
   * batching window goes along); 1 when a message went.
   */
  async #sendTo(userId: string, settings: NotificationSettings, now: number): Promise<number> {
    const { store, clock } = this.#o;
    const mode = settings.emailDigest;
    const claimed = store.claimEmails(userId, now, now + this.#leaseMs, emailsPerMessage);
    if (claimed.length === 0) return 0;
    const ids = claimed.map((notification) => notification.id);
    try {
      const person = this.#o.people.findUserById(userId);
      if (!person || person.disabledAt !== null || person.deletedAt !== null) {
        store.finishEmails(ids, 'skipped', now);
        return 0;
      }
      const { send, skip } = this.#sort(person, claimed, settings);
      store.finishEmails(skip, 'skipped', now);
      if (send.length === 0) return 0;
      const sending = send.map((entry) => entry.notification.id);
      try {
        await this.#o.mailer.send(this.#message(person, send, mode));
      } catch (error) {
        if (error instanceof MailDeliveryError && !error.retryable) {
          this.#o.logger.error(
            { err: error, userId, notifications: sending.length },
            'the mail server refused a notification email for good',
          );
          store.finishEmails(sending, 'failed', clock.now());
          return 0;
        }
        this.#o.logger.warn(
          { err: error, userId, notifications: sending.length },
          'a notification email could not be sent; trying again later',
        );
        store.retryEmailsAt(sending, clock.now() + this.#retryMs);
        return 0;
      }
      store.finishEmails(sending, 'sent', clock.now());
      return 1;
    } catch (error) {
      // Anything else (a rendering bug): let them go, to be tried again later.
      store.retryEmailsAt(ids, clock.now() + this.#retryMs);
      throw error;
    }
  }

  /** What of `claimed` still goes to `person`, each as a digest item; and what no longer does. */
  #sort(person: UserAccount, claimed: readonly Notification[], settings: NotificationSettings) {
    const sorted: Sorted = { send: [], skip: [] };
    for (const notification of claimed) {
      const item =
        notification.readAt === null &&
        notification.archivedAt === null &&
        settings.channels[notification.kind].email
          ? this.#item(person, notification)
          : null;
      if (item) sorted.send.push({ notification, item });
      else sorted.skip.push(notification.id);
    }
    return sorted;
  }

  /** The notification as a digest item, or null when its recipient may no longer read of it. */
  #item(person: UserAccount, notification: Notification): DigestItem | null {
    const { pages, spaces, policy } = this.#o;
    let page: Page | null = null;
    let space: Space | null;
    if (notification.pageId === null) {
      space = spaces.findSpaceById(notification.spaceId);
      if (!space || policy.spaceRole(person, space) === null) return null;
    } else {
      page = pages.findPageById(notification.pageId);
      if (!page || !isPageLive(pages, page) || policy.pageAccess(person, page) === 'none') {
        return null;
      }
      space = spaces.findSpaceById(page.spaceId);
      if (!space) return null;
    }
    let snippet: string | null = null;
    if (notification.commentId !== null) {
      const comment = this.#o.discussion.findComment(notification.commentId);
      // A comment deleted since: there is nothing left to tell of.
      if (!comment || comment.deletedAt !== null) return null;
      snippet = commentSnippet(comment.body) || null;
    }
    const actor =
      notification.actorId === null ? null : this.#o.people.findUserById(notification.actorId);
    return {
      kind: notification.kind,
      // No actor (a change by several, or by the system): the renderers say "Someone".
      actorName: actor?.displayName ?? '',
      pageTitle: page ? page.title : space.name,
      snippet,
      deepLink: this.#deepLink(notification, page, space),
    };
  }

  /**
   * The exact place: the page, with `?thread=<id>` to open the comment thread and
   * `#comment-<id>` for the comment; the space itself for news about the space.
   */
  #deepLink(notification: Notification, page: Page | null, space: Space): string {
    const { origin } = this.#o.publicUrl;
    if (!page) return `${origin}/spaces/${encodeURIComponent(space.slug)}`;
    const url = new URL(pagePath(space.slug, page), origin);
    if (notification.threadId !== null) {
      url.searchParams.set('thread', notification.threadId);
      url.hash = `comment-${notification.commentId ?? notification.threadId}`;
    }
    return url.href;
  }

  #message(
    person: UserAccount,
    send: Sorted['send'],
    mode: EmailDigestMode,
  ): Parameters<NotificationEmailSenderOptions['mailer']['send']>[0] {
    const { mail, publicUrl } = this.#o;
    const settingsUrl = new URL('/settings/notifications', publicUrl.origin).href;
    const [only] = send;
    if (only && send.length === 1 && mode === 'instant') {
      const scope = only.notification.kind;
      return {
        messageId: mail.messageIdFor(`notification.${only.notification.id}`),
        to: { address: person.email, name: person.displayName },
        ...renderNotificationEmail({
          recipientName: person.displayName,
          ...only.item,
          unsubscribeUrl: mail.unsubscribeUrl(person.id, scope),
          settingsUrl,
        }),
        headers: mail.unsubscribeHeaders(person.id, scope),
      };
    }
    // The same notifications give the same id: a message sent again is recognisable.
    const digestKey = createHash('sha256')
      .update(send.map((entry) => entry.notification.id).join('\n'))
      .digest('hex')
      .slice(0, 32);
    return {
      messageId: mail.messageIdFor(`digest.${digestKey}`),
      to: { address: person.email, name: person.displayName },
      ...renderDigestEmail({
        recipientName: person.displayName,
        period: mode,
        items: send.map((entry) => entry.item),
        unsubscribeUrl: mail.unsubscribeUrl(person.id, 'all'),
        settingsUrl,
      }),
      headers: mail.unsubscribeHeaders(person.id, 'all'),
    };
  }
}
