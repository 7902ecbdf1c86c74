/**
 * A message the mail server did not take. `retryable` is the decision that matters to the
 * caller: true when the same message may go through later (the server is down, busy or said
 * "try again": SMTP 4xx), false when it never will (SMTP 5xx: no such mailbox, refused).
 */
export abstract class MailDeliveryError extends Error {
  abstract readonly retryable: boolean;

  constructor(
    message: string,
    /** The SMTP reply code, when the server gave one. */
    readonly responseCode: number | null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The server could not be reached, or answered "try again later"; send the same message again. */
export class RetryableMailError extends MailDeliveryError {
  readonly retryable = true;
}

/** The server refused this message for good (a 5xx reply); sending it again changes nothing. */
export class PermanentMailError extends MailDeliveryError {
  readonly retryable = false;
}
