import {
  type MailDeliveryError,
  type Mailer,
  type OutgoingMessage,
  PermanentMailError,
  RetryableMailError,
} from '@lore/core';
import nodemailer, { type Transporter } from 'nodemailer';
import type { SmtpSettings } from './mailConfig';

export interface SmtpMailerOptions {
  readonly smtp: SmtpSettings;
  /** The sender (`LORE_MAIL_FROM`). */
  readonly from: string;
  /** How long to wait for the connection and for each reply; default 10 s and 30 s. */
  readonly connectTimeoutMs?: number;
  readonly replyTimeoutMs?: number;
}

/** `<local@domain>`, as RFC 5322 wants a Message-ID. */
const messageIdPattern = /^<[^\s<>@]+@[^\s<>@]+>$/;

/**
 * The `Mailer` on an SMTP server (nodemailer). A new connection per message: notifications are
 * few and sent from a consumer that retries, so a pool would only hold idle sockets.
 * Failures become `RetryableMailError` (unreachable, timed out, sign-in refused, 4xx replies)
 * or `PermanentMailError` (5xx replies to the message or its recipient).
 */
export class SmtpMailer implements Mailer {
  readonly #transport: Transporter;
  readonly #from: string;

  constructor(options: SmtpMailerOptions) {
    const { smtp } = options;
    this.#from = options.from;
    this.#transport = nodemailer.createTransport({
      host: smtp.host,
      port: smtp.port,
      secure: smtp.secure,
      requireTLS: smtp.requireTls,
      ...(smtp.user !== null ? { auth: { user: smtp.user, pass: smtp.password ?? '' } } : {}),
      connectionTimeout: options.connectTimeoutMs ?? 10_000,
      greetingTimeout: options.connectTimeoutMs ?? 10_000,
      socketTimeout: options.replyTimeoutMs ?? 30_000,
      // Lore's messages are text it rendered itself: nothing is read from files or URLs.
      disableFileAccess: true,
      disableUrlAccess: true,
      logger: false,
    });
  }

  async send(message: OutgoingMessage): Promise<void> {
    if (!messageIdPattern.test(message.messageId)) {
      throw new PermanentMailError(`Not a Message-ID: ${message.messageId}`, null);
    }
    try {
      await this.#transport.sendMail({
        from: this.#from,
        to: message.to.name
          ? { name: message.to.name, address: message.to.address }
          : message.to.address,
        subject: message.subject,
        text: message.text,
        html: message.html,
        messageId: message.messageId,
        headers: {
          // Out-of-office replies and the like are not sent back to automatic mail (RFC 3834).
          'Auto-Submitted': 'auto-generated',
          ...message.headers,
        },
      });
    } catch (error) {
      throw deliveryError(error);
    }
  }

  /** Closes the transport's sockets, if any are open. */
  close(): void {
    this.#transport.close();
  }
}

/** What a nodemailer failure means for the message: try again later, or never. */
function deliveryError(error: unknown): MailDeliveryError {
  const details = error as { code?: unknown; responseCode?: unknown; message?: unknown };
  const code = typeof details.code === 'string' ? details.code : null;
  const responseCode = typeof details.responseCode === 'number' ? details.responseCode : null;
  const reason = typeof details.message === 'string' ? details.message : String(error);
  const what = `The mail server did not take the message (${code ?? 'error'}${
    responseCode !== null ? ` ${responseCode}` : ''
  }): ${reason}`;
  // Signing in (refused, or required: 530) is about the settings, not the message: once they
  // are fixed, the same message goes through.
  if (code === 'EAUTH' || code === 'ENOAUTH' || responseCode === 530) {
    return new RetryableMailError(
      `${what} (check the user and password in LORE_SMTP_URL)`,
      responseCode,
      {
        cause: error,
      },
    );
  }
  if (responseCode !== null && responseCode >= 500 && responseCode < 600) {
    return new PermanentMailError(what, responseCode, { cause: error });
  }
  // A message or envelope Lore itself got wrong will not get better by waiting.
  if (responseCode === null && (code === 'EENVELOPE' || code === 'EMESSAGE')) {
    return new PermanentMailError(what, null, { cause: error });
  }
  return new RetryableMailError(what, responseCode, { cause: error });
}
