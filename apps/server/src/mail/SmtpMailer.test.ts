import { randomBytes } from 'node:crypto';
import {
  listUnsubscribeHeaders,
  MailDeliveryError,
  type OutgoingMessage,
  PermanentMailError,
  RetryableMailError,
  systemClock,
  UnsubscribeTokens,
} from '@lore/core';
import type { SMTPServerOptions } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import {
  headerOf,
  smtpAccount,
  startSmtpServer,
  type TestSmtpServer,
} from '../test/startSmtpServer';
import { renderNotificationEmail } from './renderNotificationEmail';
import { SmtpMailer } from './SmtpMailer';

const running: TestSmtpServer[] = [];

/** A real SMTP server for this test, closed after it. */
async function startSmtp(options: SMTPServerOptions = {}): Promise<TestSmtpServer> {
  const server = await startSmtpServer(options);
  running.push(server);
  return server;
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
});

/** The mailer as Lore configures it from its environment. */
function mailerFor(smtpUrl: string): SmtpMailer {
  const config = loadConfig({
    LORE_SMTP_URL: smtpUrl,
    LORE_MAIL_FROM: 'Lore <wiki@example.com>',
    LORE_PUBLIC_URL: 'https://wiki.example.com',
  });
  if (!config.mail.smtp || !config.mail.from) throw new Error('email is off');
  return new SmtpMailer({
    smtp: config.mail.smtp,
    from: config.mail.from,
    connectTimeoutMs: 2000,
    replyTimeoutMs: 2000,
  });
}

const unsubscribeUrl = `https://wiki.example.com/unsubscribe/${new UnsubscribeTokens({
  key: randomBytes(32),
  clock: systemClock,
}).issue('u-ada', 'mention')}`;
const deepLink = 'https://wiki.example.com/s/runbook-k3x9#comment-42';

function message(fields: Partial<OutgoingMessage> = {}): OutgoingMessage {
  const rendered = renderNotificationEmail({
    recipientName: 'Ada Lovelace',
    kind: 'mention',
    actorName: 'Grace Hopper',
    pageTitle: 'On-call <runbook>',
    snippet: 'Can @Ada check the failover steps?',
    deepLink,
    unsubscribeUrl,
    settingsUrl: 'https://wiki.example.com/settings/notifications',
  });
  return {
    messageId: '<notification.42@wiki.example.com>',
    to: { address: 'ada@example.com', name: 'Ada Lovelace' },
    ...rendered,
    headers: listUnsubscribeHeaders(unsubscribeUrl),
    ...fields,
  };
}

/** What `send` rejected with. */
async function failureOf(promise: Promise<void>): Promise<MailDeliveryError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(MailDeliveryError);
  return error as MailDeliveryError;
}

describe('SmtpMailer', () => {
  it('delivers a rendered notification with both parts, its Message-ID and one-click unsubscribe', async () => {
    const smtp = await startSmtp();
    const mailer = mailerFor(`smtp://127.0.0.1:${smtp.port}`);
    await mailer.send(message());
    mailer.close();

    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    if (!mail) throw new Error('nothing received');
    expect(mail.from).toBe('wiki@example.com');
    expect(mail.to).toEqual(['ada@example.com']);
    const { parsed } = mail;
    expect(parsed.from?.value).toEqual([{ address: 'wiki@example.com', name: 'Lore' }]);
    const to = Array.isArray(parsed.to) ? parsed.to[0] : parsed.to;
    expect(to?.value).toEqual([{ address: 'ada@example.com', name: 'Ada Lovelace' }]);
    expect(parsed.subject).toBe('Grace Hopper mentioned you on “On-call <runbook>”');
    expect(parsed.messageId).toBe('<notification.42@wiki.example.com>');
    expect(parsed.text).toContain(deepLink);
    expect(parsed.text).toContain('On-call <runbook>');
    expect(parsed.html).toContain(`href="${deepLink}"`);
    expect(parsed.html).toContain('On-call &lt;runbook&gt;');
    expect(parsed.html).not.toContain('<runbook>');
    // RFC 8058: an https URI in angle brackets, and the one-click marker exactly so.
    expect(headerOf(parsed, 'List-Unsubscribe')).toBe(`<${unsubscribeUrl}>`);
    expect(headerOf(parsed, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(headerOf(parsed, 'Auto-Submitted')).toBe('auto-generated');
    expect(mail.raw).toMatch(/^Content-Type: multipart\/alternative;/m);
  });

  it('signs in with the user and password of LORE_SMTP_URL when the server asks', async () => {
    const smtp = await startSmtp({ authOptional: false, authMethods: ['PLAIN', 'LOGIN'] });
    const user = encodeURIComponent(smtpAccount.user);
    const good = mailerFor(
      `smtp://${user}:${encodeURIComponent(smtpAccount.password)}@127.0.0.1:${smtp.port}`,
    );
    await good.send(message());
    good.close();
    expect(smtp.logins).toEqual([{ username: 'lore@example.com', password: 'p@ss:w/rd' }]);
    expect(smtp.received).toHaveLength(1);

    // Wrong credentials are the settings' fault, not the message's: retry once they are fixed.
    const bad = mailerFor(`smtp://${user}:wrong@127.0.0.1:${smtp.port}`);
    const error = await failureOf(bad.send(message()));
    bad.close();
    expect(error).toBeInstanceOf(RetryableMailError);
    expect(error.retryable).toBe(true);
    expect(error.message).not.toContain('wrong');
    expect(smtp.received).toHaveLength(1);

    // A server that wants a sign-in refuses a mailer without one.
    const anonymous = mailerFor(`smtp://127.0.0.1:${smtp.port}`);
    expect((await failureOf(anonymous.send(message()))).retryable).toBe(true);
    anonymous.close();
  });

  it('calls a 451 "try again later" retryable', async () => {
    const smtp = await startSmtp({
      onRcptTo(_address, _session, done) {
        done(Object.assign(new Error('Greylisted, try again later'), { responseCode: 451 }));
      },
    });
    const mailer = mailerFor(`smtp://127.0.0.1:${smtp.port}`);
    const error = await failureOf(mailer.send(message()));
    mailer.close();
    expect(error).toBeInstanceOf(RetryableMailError);
    expect(error.retryable).toBe(true);
    expect(error.responseCode).toBe(451);
  });

  it('calls a 550 "no such mailbox" permanent', async () => {
    const smtp = await startSmtp({
      onRcptTo(_address, _session, done) {
        done(Object.assign(new Error('No such mailbox'), { responseCode: 550 }));
      },
    });
    const mailer = mailerFor(`smtp://127.0.0.1:${smtp.port}`);
    const error = await failureOf(mailer.send(message()));
    mailer.close();
    expect(error).toBeInstanceOf(PermanentMailError);
    expect(error.retryable).toBe(false);
    expect(error.responseCode).toBe(550);
    expect(smtp.received).toHaveLength(0);
  });

  it('calls a message refused after DATA with 554 permanent', async () => {
    const smtp = await startSmtp({
      onData(stream, _session, done) {
        stream.resume();
        stream.on('end', () =>
          done(Object.assign(new Error('Message rejected as spam'), { responseCode: 554 })),
        );
      },
    });
    const mailer = mailerFor(`smtp://127.0.0.1:${smtp.port}`);
    const error = await failureOf(mailer.send(message()));
    mailer.close();
    expect(error).toBeInstanceOf(PermanentMailError);
    expect(error.responseCode).toBe(554);
  });

  it('calls a server that is down retryable', async () => {
    const smtp = await startSmtp();
    const port = smtp.port;
    await smtp.close();
    const mailer = mailerFor(`smtp://127.0.0.1:${port}`);
    const error = await failureOf(mailer.send(message()));
    mailer.close();
    expect(error).toBeInstanceOf(RetryableMailError);
    expect(error.responseCode).toBeNull();
  });

  it('refuses a message whose Message-ID is not <local@domain>, without sending', async () => {
    const smtp = await startSmtp();
    const mailer = mailerFor(`smtp://127.0.0.1:${smtp.port}`);
    const error = await failureOf(mailer.send(message({ messageId: 'notification-42' })));
    mailer.close();
    expect(error).toBeInstanceOf(PermanentMailError);
    expect(smtp.received).toHaveLength(0);
  });
});
