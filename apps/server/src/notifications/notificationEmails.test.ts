import type { Clock } from '@lore/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseEmailHtml } from '../mail/emailTestKit';
import type { NotificationEmailSender } from '../notifications/NotificationEmailSender';
import { testAdmin } from '../test/adminServerPerTest';
import { expectJson } from '../test/expectJson';
import {
  headerOf,
  type ReceivedMail,
  startSmtpServer,
  type TestSmtpServer,
} from '../test/startSmtpServer';
import { startTestServer, type TestServer } from '../test/startTestServer';
import { privateSpaceWithPage, type TokenPerson, tokenPerson } from '../test/tokenPerson';

const publicUrl = 'https://wiki.example.com';
let smtp: TestSmtpServer;
let t: TestServer | undefined;
let clock: ShiftedClock;

/**
 * The time of the email sender: the real time (notifications are made at it) moved forward by
 * what the test asks.
 */
class ShiftedClock implements Clock {
  #shift = 0;
  now(): number {
    return Date.now() + this.#shift;
  }
  async advance(ms: number): Promise<void> {
    this.#shift += ms;
  }
  /** Back to the real time. */
  reset(): void {
    this.#shift = 0;
  }
}

beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp?.close();
});
afterEach(async () => {
  await t?.close();
  t = undefined;
  smtp.received.length = 0;
});

/** A server sending email to the test SMTP server, its sender going by `clock`, with an admin. */
async function start(smtpPort = smtp.port): Promise<TestServer> {
  clock = new ShiftedClock();
  const server = await startTestServer(
    {
      LORE_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      LORE_MAIL_FROM: 'Lore <wiki@example.com>',
      LORE_PUBLIC_URL: publicUrl,
      LORE_DIGEST_HOUR: '8',
      LORE_DIGEST_TIME_ZONE: 'UTC',
      // Passes run when the test asks (and once at start).
      LORE_EMAIL_POLL_SECONDS: '3600',
    },
    { emailClock: clock },
  );
  // Requests come from the public address, as the browser sends them.
  t = {
    ...server,
    request: (path, init = {}) =>
      server.request(path, {
        ...init,
        headers: { origin: publicUrl, ...(init.headers as Record<string, string>) },
      }),
  };
  await t.request('/api/setup', { method: 'POST', json: testAdmin });
  return t;
}

const sender = (): NotificationEmailSender => {
  const found = t?.server.runtime.services.notificationEmails;
  if (!found) throw new Error('email is off');
  return found;
};

/** Every notification made, then a pass of the sender at the clock's time. */
async function sendDue(): Promise<number> {
  await t?.server.runtime.events.drain({ flushContent: true });
  return sender().sendDue();
}

const to = (who: TokenPerson): ReceivedMail[] =>
  smtp.received.filter((mail) => mail.to.includes(who.user.email));

/** The address as this test reaches the server (the public address is not served here). */
const local = (url: string) => `${t?.url}${new URL(url).pathname}`;

async function people(server: TestServer) {
  const sam = await tokenPerson(server, 'sam');
  const eve = await tokenPerson(server, 'eve');
  const max = await tokenPerson(server, 'max');
  const { page } = await privateSpaceWithPage(server, [
    [sam, 'editor'],
    [eve, 'commenter'],
    [max, 'viewer'],
  ]);
  // Being made members of the space was news, by email too: sent and archived before the test.
  await sendDue();
  await clock.advance(61_000);
  await sendDue();
  expect(to(max)).toHaveLength(1);
  smtp.received.length = 0;
  clock.reset();
  for (const who of [sam, eve, max]) {
    const { notifications } = await expectJson(await who.as('/api/notifications'), 200);
    for (const { id } of notifications as { id: string }[]) {
      await who.as(`/api/notifications/${id}/archive`, { method: 'POST' });
    }
  }
  return { sam, eve, max, page };
}

const mention = (who: TokenPerson, text: string) =>
  `${text} @[${who.user.displayName}](user:${who.user.id})`;

async function comment(who: TokenPerson, pageId: string, body: string): Promise<string> {
  const { thread } = await expectJson(
    await who.as(`/api/pages/${pageId}/comments`, { method: 'POST', json: { body } }),
    201,
  );
  return thread.id;
}

/** The next digest hour (08:00 UTC) after `at`. */
function nextEight(at: number): number {
  const day = new Date(at);
  const eight = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 8);
  return eight > at ? eight : eight + 86_400_000;
}

describe('notification emails', () => {
  it('mails a mention after the batching minute: both parts, the deep link and a one-click unsubscribe', async () => {
    const server = await start();
    const { sam, eve, max, page } = await people(server);
    const threadId = await comment(eve, page.id, mention(max, 'Is this **current**,'));

    // Within the batching minute nothing goes.
    expect(await sendDue()).toBe(0);
    expect(to(max)).toEqual([]);
    await clock.advance(61_000);
    // Max (mentioned) and Sam (the page's creator: a new thread) each get one message.
    expect(await sendDue()).toBe(2);
    expect(to(sam)).toHaveLength(1);
    const [received] = to(max);
    if (!received) throw new Error('no email for Max');
    expect(to(max)).toHaveLength(1);
    const { parsed } = received;
    expect(parsed.subject).toBe('eve mentioned you on “Runbook”');
    const [notification] = (await expectJson(await max.as('/api/notifications'), 200))
      .notifications;
    expect(parsed.messageId).toBe(`<notification.${notification.id}@wiki.example.com>`);

    const deepLink = `${publicUrl}/docs/runbook-${page.shortId}?thread=${threadId}#comment-`;
    expect(parsed.text).toContain('Is this current, @max');
    expect(parsed.text).toContain(deepLink);
    const html = parseEmailHtml(String(parsed.html));
    expect(html.violations).toEqual([]);
    expect(html.text).toContain('Is this current, @max');
    expect(html.links.some((link) => link.href.startsWith(deepLink))).toBe(true);

    // Sent once: later passes send nothing again.
    await clock.advance(3_600_000);
    expect(await sendDue()).toBe(0);
    expect(to(max)).toHaveLength(1);

    // The mail client's one-click unsubscribe turns mention emails off for Max.
    const header = headerOf(parsed, 'List-Unsubscribe') ?? '';
    const oneClick = /^<(https:\/\/wiki\.example\.com\/unsubscribe\/[^>]+)>$/.exec(header)?.[1];
    if (!oneClick) throw new Error(`not a one-click header: ${header}`);
    expect(headerOf(parsed, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    const response = await fetch(local(oneClick), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(response.status).toBe(200);
    const settings = await expectJson(await max.as('/api/notifications/settings'), 200);
    expect(settings.channels.mentioned).toEqual({ in_app: true, email: false });

    // Another mention: in the inbox, never by email.
    await comment(eve, page.id, mention(max, 'And this,'));
    await clock.advance(61_000);
    await sendDue();
    expect(to(max)).toHaveLength(1);
    expect((await expectJson(await max.as('/api/notifications'), 200)).notifications).toHaveLength(
      2,
    );
  });

  it('gathers what comes within the batching minute into one message, and leaves out what was read', async () => {
    const server = await start();
    const { sam, eve, max, page } = await people(server);
    await comment(eve, page.id, mention(max, 'First,'));
    // Passes within the minute send nothing and keep the burst together.
    expect(await sendDue()).toBe(0);
    await clock.advance(30_000);
    await comment(eve, page.id, mention(max, 'Second,'));
    await comment(eve, page.id, mention(max, 'Third,'));
    expect(await sendDue()).toBe(0);
    const { notifications } = await expectJson(await max.as('/api/notifications'), 200);
    const read = notifications.find((item: { id: string }) => item.id !== undefined);
    // Read in the app within the minute: no email for it.
    expect((await max.as(`/api/notifications/${read.id}/read`, { method: 'POST' })).status).toBe(
      204,
    );
    await clock.advance(31_000);
    // One for Max, and one for Sam, whose page got three threads.
    expect(await sendDue()).toBe(2);
    expect(to(sam)[0]?.parsed.subject).toBe('3 updates in Lore');
    const [received] = to(max);
    expect(received?.parsed.subject).toBe('2 updates in Lore');
    expect(to(max)).toHaveLength(1);
  });

  it('sends the daily digest at the digest hour, without what became unreadable or was archived', async () => {
    const server = await start();
    const { sam, eve, max, page } = await people(server);
    await expectJson(
      await max.as('/api/notifications/settings', {
        method: 'PUT',
        json: { emailDigest: 'daily' },
      }),
      200,
    );
    const { page: secret } = await expectJson(
      await sam.as('/api/pages', {
        method: 'POST',
        json: { spaceId: 'docs', title: 'Secrets', markdown: 'Not for everyone.' },
      }),
      201,
    );
    const madeAt = Date.now();
    await comment(eve, page.id, mention(max, 'One,'));
    await comment(eve, page.id, mention(max, 'Two,'));
    await comment(eve, page.id, mention(max, 'Archived,'));
    await comment(eve, secret.id, mention(max, 'Hidden,'));
    await sendDue();
    const { notifications } = await expectJson(await max.as('/api/notifications'), 200);
    expect(notifications).toHaveLength(4);
    // The newest on Runbook is archived; Secrets becomes Sam's and Eve's alone.
    const archived = notifications.find(
      (item: { page: { id: string } }) => item.page.id === page.id,
    );
    expect(
      (await max.as(`/api/notifications/${archived.id}/archive`, { method: 'POST' })).status,
    ).toBe(204);
    await expectJson(
      await sam.as(`/api/pages/${secret.id}/restrictions`, {
        method: 'PUT',
        json: { view: { users: [sam.user.id, eve.user.id], groups: [] }, edit: null },
      }),
      200,
    );

    // Nothing before the digest hour…
    const due = nextEight(madeAt);
    await clock.advance(due - 60_000 - clock.now());
    await sendDue();
    expect(to(max)).toEqual([]);
    // …then one message with the two that are still news for Max.
    await clock.advance(60_000);
    await sendDue();
    expect(to(max)).toHaveLength(1);
    const [digest] = to(max);
    if (!digest) throw new Error('no digest');
    expect(digest.parsed.subject).toBe('Your daily Lore digest: 2 updates');
    expect(digest.parsed.text).toContain('One,');
    expect(digest.parsed.text).toContain('Two,');
    expect(digest.parsed.text).not.toContain('Archived,');
    expect(digest.parsed.text).not.toContain('Hidden');
    expect(digest.parsed.text).not.toContain('Secrets');
    expect(headerOf(digest.parsed, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    await clock.advance(86_400_000);
    await sendDue();
    expect(to(max)).toHaveLength(1);
  });

  it('sends nothing when the recipient can no longer read the page, or turned email off', async () => {
    const server = await start();
    const { sam, eve, max, page } = await people(server);
    await expectJson(
      await sam.as('/api/notifications/settings', {
        method: 'PUT',
        json: { channels: { page_comment: { email: false } } },
      }),
      200,
    );
    await comment(eve, page.id, mention(max, 'Soon private,'));
    await sendDue();
    // Max leaves the space before the minute is over.
    expect(
      (await server.request(`/api/spaces/docs/members/users/${max.user.id}`, { method: 'DELETE' }))
        .status,
    ).toBeLessThan(300);
    await clock.advance(61_000);
    expect(await sendDue()).toBe(0);
    expect(smtp.received).toEqual([]);
    const states = server.server.runtime.storage.notifications;
    const [mine] = states.listNotifications(max.user.id, { archived: false, limit: 10 });
    expect(mine?.emailState).toBe('skipped');
    const [sams] = states.listNotifications(sam.user.id, { archived: false, limit: 10 });
    expect(sams?.kind).toBe('page_comment');
    expect(sams?.emailState).toBeNull();
  });

  it('tries again later when the mail server says so, and gives up on a mailbox it refuses', async () => {
    // Max's mailbox does not exist; Eve's server greylists the first try.
    let greylisted = false;
    const picky = await startSmtpServer({
      onRcptTo(address, _session, done) {
        if (address.address === 'max@example.com') {
          done(Object.assign(new Error('No such mailbox'), { responseCode: 550 }));
        } else if (address.address === 'eve@example.com' && !greylisted) {
          greylisted = true;
          done(Object.assign(new Error('Greylisted, try again later'), { responseCode: 451 }));
        } else done();
      },
    });
    try {
      const server = await start(picky.port);
      const sam = await tokenPerson(server, 'sam');
      const eve = await tokenPerson(server, 'eve');
      const max = await tokenPerson(server, 'max');
      await privateSpaceWithPage(server, [
        [sam, 'editor'],
        [eve, 'commenter'],
        [max, 'viewer'],
      ]);
      await sendDue();
      await clock.advance(61_000);
      // Sam's news went; Max's was refused for good; Eve's waits for another try.
      expect(await sendDue()).toBe(1);
      const store = server.server.runtime.storage.notifications;
      // Being made members of the space is the news here.
      const stateOf = (who: TokenPerson) =>
        store
          .listNotifications(who.user.id, { archived: false, limit: 10 })
          .find((n) => n.kind === 'page_shared')?.emailState;
      expect(stateOf(sam)).toBe('sent');
      expect(stateOf(max)).toBe('failed');
      expect(stateOf(eve)).toBe('pending');
      expect(server.logs.join('')).toContain('trying again later');
      // Not before the retry delay (a minute), then once.
      await clock.advance(30_000);
      expect(await sendDue()).toBe(0);
      await clock.advance(31_000);
      expect(await sendDue()).toBe(1);
      expect(stateOf(eve)).toBe('sent');
      expect(picky.received.map((mail) => mail.to).sort()).toEqual([
        ['eve@example.com'],
        ['sam@example.com'],
      ]);
    } finally {
      await t?.close();
      t = undefined;
      await picky.close();
    }
  });
});
