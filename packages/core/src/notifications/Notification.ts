/**
 * What a notification is about. Comment kinds (`mentioned`, `thread_reply`, `page_comment`,
 * `thread_resolved`) carry the thread and comment; page kinds carry only the page.
 */
export const notificationKinds = [
  'mentioned',
  'thread_reply',
  'page_comment',
  'page_changed',
  'page_shared',
  'thread_resolved',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** Where a notification reaches its recipient: the inbox in the app, or email (a mailer's job). */
export const notificationChannels = ['in_app', 'email'] as const;
export type NotificationChannel = (typeof notificationChannels)[number];

/** One notification of one person (`userId`) about a page, or about a space (`pageId` null). */
export interface Notification {
  readonly id: string;
  /** The recipient. */
  readonly userId: string;
  readonly kind: NotificationKind;
  /** Null when it is about the space itself (being made a member of it). */
  readonly pageId: string | null;
  readonly spaceId: string;
  /** Who caused it; null for the system. */
  readonly actorId: string | null;
  readonly threadId: string | null;
  readonly commentId: string | null;
  readonly createdAt: number;
  readonly readAt: number | null;
  readonly archivedAt: number | null;
  /**
   * What it is a notification of (e.g. `page_changed:<page>:<event seq>`), unique per recipient:
   * delivering the same event again adds nothing.
   */
  readonly dedupeKey: string;
  /** Whether it shows in the inbox (the recipient's `in_app` setting when it was made). */
  readonly inApp: boolean;
  /** Whether a mailer should send it (the recipient's `email` setting when it was made). */
  readonly email: boolean;
  /**
   * Where its email stands: `pending` from the moment it is made (in the same write) when the
   * recipient wants email of its kind and Lore sends email; then `sent` once the mail server
   * accepted it, `skipped` when there was nothing to send any more (read, archived, page no
   * longer readable, email turned off), `failed` when the server refused it for good. Null when
   * no email was ever due.
   */
  readonly emailState: NotificationEmailState | null;
  /** When its email work ended (sent, skipped or failed). */
  readonly emailedAt: number | null;
}

/** The email states of a notification (see `Notification.emailState`). */
export const notificationEmailStates = ['pending', 'sent', 'skipped', 'failed'] as const;
export type NotificationEmailState = (typeof notificationEmailStates)[number];
/** How email work ends. */
export type FinishedEmailState = Exclude<NotificationEmailState, 'pending'>;

export function isNotificationKind(value: unknown): value is NotificationKind {
  return (notificationKinds as readonly unknown[]).includes(value);
}
