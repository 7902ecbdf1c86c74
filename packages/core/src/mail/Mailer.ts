import type { OutgoingMessage } from './OutgoingMessage';

/**
 * Sends email. Resolves once the mail server has accepted the message; rejects with a
 * `MailDeliveryError` whose `retryable` tells the caller (an outbox consumer) whether to try
 * again later or give up on this message.
 */
export interface Mailer {
  send(message: OutgoingMessage): Promise<void>;
}
