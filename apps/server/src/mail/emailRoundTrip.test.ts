import type { UnsubscribeTarget } from '@lore/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headerOf, startSmtpServer, type TestSmtpServer } from '../test/startSmtpServer';
import { startTestServer, type TestServer } from '../test/startTestServer';
import { renderNotificationEmail } from './renderNotificationEmail';

/** Unsubscribes kept in memory, as the notification preferences will keep them. */
class MemoryUnsubscribes implements UnsubscribeTarget {
  readonly stopped: { userId: string; scope: string }[] = [];
  unsubscribe(userId: string, scope: string): void {
    this.stopped.push({ userId, scope });
  }
}

const publicUrl = 'https://wiki.example.com';
let smtp: TestSmtpServer;
let t: TestServer;
const target = new MemoryUnsubscribes();

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await startTestServer(
    {
      LORE_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      LORE_MAIL_FROM: 'Lore <wiki@example.com>',
      LORE_PUBLIC_URL: publicUrl,
    },
    { unsubscribeTarget: target },
  );
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

/** The address as this test reaches the server (the public address is not served here). */
const local = (url: string) => `${t.url}${new URL(url).pathname}`;

describe('an email from the running server', () => {
  it('is sent as configured and its unsubscribe header works in one click', async () => {
    const mail = t.server.services.mail;
    if (!mail.mailer) throw new Error('email is off');
    const deepLink = `${publicUrl}/s/runbook-k3x9#comment-7`;
    await mail.mailer.send({
      messageId: mail.messageIdFor('notification.7'),
      to: { address: 'hedy@example.com', name: 'Hedy' },
      ...renderNotificationEmail({
        recipientName: 'Hedy',
        kind: 'comment',
        actorName: 'Grace',
        pageTitle: 'Runbook',
        snippet: 'Looks good to me.',
        deepLink,
        unsubscribeUrl: mail.unsubscribeUrl('u-hedy', 'comment'),
        settingsUrl: `${publicUrl}/settings/notifications`,
      }),
      headers: mail.unsubscribeHeaders('u-hedy', 'comment'),
    });

    expect(smtp.received).toHaveLength(1);
    const [received] = smtp.received;
    if (!received) throw new Error('nothing received');
    expect(received.from).toBe('wiki@example.com');
    expect(received.parsed.messageId).toBe('<notification.7@wiki.example.com>');
    expect(received.parsed.text).toContain(deepLink);
    const header = headerOf(received.parsed, 'List-Unsubscribe') ?? '';
    const oneClickUrl = /^<(https:\/\/wiki\.example\.com\/unsubscribe\/[^>]+)>$/.exec(header)?.[1];
    if (!oneClickUrl) throw new Error(`not a one-click header: ${header}`);
    expect(headerOf(received.parsed, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');

    // The footer's link opens the confirmation page, which changes nothing.
    const footer = /href="(https:\/\/wiki\.example\.com\/unsubscribe\/[^"]+)"/.exec(
      String(received.parsed.html),
    )?.[1];
    if (!footer) throw new Error('no unsubscribe link in the HTML part');
    expect((await fetch(local(footer))).status).toBe(200);
    expect(target.stopped).toEqual([]);

    // What the mail client does when its "Unsubscribe" button is pressed.
    const response = await fetch(local(oneClickUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(response.status).toBe(200);
    expect(target.stopped).toEqual([{ userId: 'u-hedy', scope: 'comment' }]);
  });
});
