/** One recipient of an email: an address, and the name shown beside it. */
export interface MailRecipient {
  readonly address: string;
  readonly name?: string;
}

/**
 * One email as Lore hands it to a `Mailer`: rendered already (both parts), addressed to one
 * person. The sender is the mailer's own (`LORE_MAIL_FROM`).
 */
export interface OutgoingMessage {
  /**
   * The `Message-ID`, such as `<notification.42@wiki.example.com>`. Stable for one piece of
   * news: a retry after a failure sends the same id, so a receiving server can drop a copy.
   */
  readonly messageId: string;
  readonly to: MailRecipient;
  readonly subject: string;
  /** The plain-text part. */
  readonly text: string;
  /** The HTML part: inline styles only, no script, no external assets. */
  readonly html: string;
  /** Extra headers, such as `List-Unsubscribe` (see `listUnsubscribeHeaders`). */
  readonly headers: Readonly<Record<string, string>>;
}
