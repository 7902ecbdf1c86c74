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
}

export function isNotificationKind(value: unknown): value is NotificationKind {
  return (notificationKinds as readonly unknown[]).includes(value);
}
