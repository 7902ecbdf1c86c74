import type { Mailer, UnsubscribeTarget, UnsubscribeTokens } from '@lore/core';

/** Whether Lore sends email, and as whom; what the admin page shows. */
export interface MailStatus {
  readonly enabled: boolean;
  readonly from: string | null;
}

/** Outgoing email, for the features that send it (notifications). */
export interface MailServices {
  readonly status: MailStatus;
  /** Sends over SMTP; null when email is off (`LORE_SMTP_URL` not set). */
  readonly mailer: Mailer | null;
  /** Signs and checks unsubscribe tokens with the server's key. */
  readonly unsubscribeTokens: UnsubscribeTokens;
  /** The one-click unsubscribe address for `userId` and `scope` (a notification kind or `all`). */
  unsubscribeUrl(userId: string, scope: string): string;
  /**
   * A stable `Message-ID` for one piece of news, such as `notification.42` →
   * `<notification.42@wiki.example.com>`: the same key gives the same id, so a retry is
   * recognisable as the same message.
   */
  messageIdFor(key: string): string;
  /** `List-Unsubscribe` and `List-Unsubscribe-Post` for a message to `userId` (RFC 8058). */
  unsubscribeHeaders(userId: string, scope: string): Readonly<Record<string, string>>;
  /** Where unsubscribes take effect (the notification settings, as Lore wires it). */
  readonly unsubscribeTarget: UnsubscribeTarget;
}
