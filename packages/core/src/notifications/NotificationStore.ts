import type { FinishedEmailState, Notification, NotificationKind } from './Notification';
import type { NotificationSettings } from './NotificationSettings';

/** Which of a person's notifications to list, newest first. */
export interface NotificationListQuery {
  /** Archived ones only (true) or the inbox (false). */
  readonly archived: boolean;
  /** Only notifications older than this one (the last of the previous page). */
  readonly before?: { readonly createdAt: number; readonly id: string };
  readonly limit: number;
}

/** How many unread inbox notifications a person has about one page (or one space). */
export interface UnreadOfPage {
  readonly pageId: string | null;
  readonly spaceId: string;
  readonly count: number;
}

/** Someone with email waiting, and since when the oldest of it waits. */
export interface EmailRecipient {
  readonly userId: string;
  /** `createdAt` of their oldest pending email. */
  readonly oldestAt: number;
}

/**
 * Persistence of notifications and of each person's notification settings. Plain data; who
 * gets what, and who may see it, is decided in `NotificationService`.
 */
export interface NotificationStore {
  /**
   * Adds the notifications whose (`userId`, `dedupeKey`) is new, in as few statements as the
   * engine allows (a fan-out to thousands is one statement on PostgreSQL); the others are left as
   * they are. Returns how many were added.
   */
  addNotifications(notifications: readonly Notification[]): number;
  findNotification(id: string): Notification | null;
  /** A person's inbox notifications (`inApp`), newest first (by time, then id). */
  listNotifications(userId: string, query: NotificationListQuery): Notification[];
  /** Inbox notifications neither read nor archived. */
  unreadCount(userId: string): number;
  /** The same, per page (and per space for those about a space). */
  unreadByPage(userId: string): UnreadOfPage[];
  /** Marks one of the person's notifications read; false when unknown, theirs not, or read. */
  markRead(userId: string, id: string, at: number): boolean;
  /** Marks every unread notification of the person read; returns how many. */
  markAllRead(userId: string, at: number): number;
  /** Archives one of the person's notifications (reading it too); false when unknown or done. */
  archive(userId: string, id: string, at: number): boolean;
  /** For each of `userIds` with one: when their latest notification of `kind` about the page was made. */
  lastNotifiedAt(
    pageId: string,
    kind: NotificationKind,
    userIds: readonly string[],
  ): Map<string, number>;
  /** The person's saved settings, or null when they never chose. */
  findSettings(userId: string): NotificationSettings | null;
  /** Saved settings of each of `userIds` who has any. */
  listSettings(userIds: readonly string[]): Map<string, NotificationSettings>;
  saveSettings(userId: string, settings: NotificationSettings, at: number): void;
  /**
   * People with pending email that no one holds at `now` (see `claimEmails`), the longest
   * waiting first, at most `limit`.
   */
  listEmailRecipients(now: number, limit: number): EmailRecipient[];
  /**
   * Takes up to `limit` of the person's pending emails, oldest first, that no one holds at `now`,
   * and holds them until `leaseUntil`: until then no other call (in this process or another
   * process on the same database) gets them. A holder that dies lets them go when the lease ends.
   */
  claimEmails(userId: string, now: number, leaseUntil: number, limit: number): Notification[];
  /**
   * Ends the email work of the pending notifications among `ids` (`sent`, `skipped`, `failed`,
   * at `at`); the others are left as they are. Returns how many changed.
   */
  finishEmails(ids: readonly string[], state: FinishedEmailState, at: number): number;
  /** Lets pending emails among `ids` go, to be taken again from `retryAt` (after a failure). */
  retryEmailsAt(ids: readonly string[], retryAt: number): void;
  /** Runs `work` atomically against this store. */
  transaction<T>(work: () => T): T;
}
