import { randomBytes } from 'node:crypto';
import {
  type Clock,
  listUnsubscribeHeaders,
  type ServerKeyStore,
  type UnsubscribeTarget,
  UnsubscribeTokens,
} from '@lore/core';
import type { Config } from '../config';
import { mailRoutes } from '../routes/mailRoutes';
import type { LoreModule } from '../runtime/LoreModule';
import type { MailServices } from './MailServices';
import { SmtpMailer } from './SmtpMailer';

export interface MailWiring {
  readonly config: Config;
  /** Where the key that signs unsubscribe links is kept (made on first start). */
  readonly keys: ServerKeyStore;
  readonly clock: Clock;
  /** Where unsubscribes take effect (the notification preferences). */
  readonly unsubscribeTarget: UnsubscribeTarget;
}

/**
 * Outgoing email: the SMTP mailer when `LORE_SMTP_URL` is set, the unsubscribe links with
 * their signing key, and the `mail` module (its admin status route). The unsubscribe pages
 * themselves are outside `/api` and served by the HTTP layer (`unsubscribeView`).
 */
export function wireMail(wiring: MailWiring): { module: LoreModule; services: MailServices } {
  const { config, clock } = wiring;
  const { smtp, from } = config.mail;
  const mailer = smtp && from ? new SmtpMailer({ smtp, from }) : null;
  const key = wiring.keys.ensureKey(
    'unsubscribe',
    randomBytes(32).toString('base64url'),
    clock.now(),
  );
  const unsubscribeTokens = new UnsubscribeTokens({ key: Buffer.from(key, 'base64url'), clock });
  const unsubscribeUrl = (userId: string, scope: string) => {
    if (!config.publicUrl) {
      throw new Error('Unsubscribe links need LORE_PUBLIC_URL, the address people reach Lore at.');
    }
    const token = unsubscribeTokens.issue(userId, scope);
    return new URL(`/unsubscribe/${token}`, config.publicUrl.origin).href;
  };
  const messageIdFor = (news: string) => {
    if (!/^[A-Za-z0-9._-]{1,200}$/.test(news)) throw new Error(`Not a message key: ${news}`);
    return `<${news}@${config.publicUrl?.hostname ?? 'lore.invalid'}>`;
  };
  const services: MailServices = {
    status: { enabled: mailer !== null, from },
    mailer,
    unsubscribeTokens,
    unsubscribeUrl,
    messageIdFor,
    unsubscribeHeaders: (userId, scope) => listUnsubscribeHeaders(unsubscribeUrl(userId, scope)),
    unsubscribeTarget: wiring.unsubscribeTarget,
  };
  return {
    module: { name: 'mail', routes: mailRoutes, close: () => mailer?.close() },
    services,
  };
}
