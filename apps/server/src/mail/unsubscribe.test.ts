import { createHash } from 'node:crypto';
import { type UnsubscribeTarget, UnsubscribeTokens } from '@lore/core';
import { ManualClock } from '@lore/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectJson } from '../test/expectJson';
import { signInNewUser } from '../test/signInNewUser';
import { startTestServer, type TestServer } from '../test/startTestServer';

/** Unsubscribes kept in memory: what the notification preferences will do for real. */
class MemoryUnsubscribes implements UnsubscribeTarget {
  readonly calls: { userId: string; scope: string }[] = [];
  readonly #stopped = new Map<string, Set<string>>();

  unsubscribe(userId: string, scope: string): void {
    this.calls.push({ userId, scope });
    const scopes = this.#stopped.get(userId) ?? new Set<string>();
    scopes.add(scope);
    this.#stopped.set(userId, scopes);
  }

  stopped(userId: string): string[] {
    return [...(this.#stopped.get(userId) ?? [])];
  }
}

const admin = { email: 'ada@example.com', displayName: 'Ada', password: 'analytical-engine' };
const oneClick = 'List-Unsubscribe=One-Click';
const form = { 'content-type': 'application/x-www-form-urlencoded' };

let t: TestServer;
const target = new MemoryUnsubscribes();

beforeAll(async () => {
  t = await startTestServer({}, { unsubscribeTarget: target });
  await t.request('/api/setup', { method: 'POST', json: admin });
});
afterAll(async () => {
  await t?.close();
});

/** A token from the running server, as the notifications feature would put in an email. */
const tokenFor = (userId: string, scope: string) =>
  t.server.services.mail.unsubscribeTokens.issue(userId, scope);

/** A request as a mail client sends it: no cookie, no Origin. */
const fromMailClient = (path: string, init: RequestInit = {}) => fetch(`${t.url}${path}`, init);

/** The token with one character of its signature changed. */
function tampered(token: string): string {
  const at = token.length - 5;
  return `${token.slice(0, at)}${token[at] === 'A' ? 'B' : 'A'}${token.slice(at + 1)}`;
}

describe('GET /unsubscribe/:token', () => {
  it('shows a page whose button posts the one-click form, and changes nothing', async () => {
    const token = tokenFor('u-grace', 'mention');
    const before = target.calls.length;
    const response = await fromMailClient(`/unsubscribe/${token}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toContain(`<form method="post" action="/unsubscribe/${token}">`);
    expect(html).toContain('<input type="hidden" name="List-Unsubscribe" value="One-Click">');
    expect(html).toContain('“mention” notification');
    expect(html).not.toMatch(/<script|\son[a-z]+=|style="/i);
    expect(target.calls.length).toBe(before);
    expect(target.stopped('u-grace')).toEqual([]);

    // Its own strict policy: nothing runs, the one stylesheet is allowed by its hash.
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("form-action 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain('unsafe-inline');
    const css = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    expect(policy).toContain(`'sha256-${createHash('sha256').update(css).digest('base64')}'`);
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers an altered or unknown link with an HTML error page', async () => {
    const before = target.calls.length;
    for (const token of [tampered(tokenFor('u-grace', 'all')), 'not-a-token', 'a.b']) {
      const response = await fromMailClient(`/unsubscribe/${token}`);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await response.text()).toContain('This unsubscribe link is not valid.');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    }
    expect(target.calls.length).toBe(before);
  });
});

describe('POST /unsubscribe/:token', () => {
  it('unsubscribes on a one-click POST with no session and no CSRF token, answering text', async () => {
    const token = tokenFor('u-hedy', 'mention');
    const before = target.calls.length;
    const response = await fromMailClient(`/unsubscribe/${token}`, {
      method: 'POST',
      headers: form,
      body: oneClick,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await response.text()).toContain('Unsubscribed');
    expect(target.calls.slice(before)).toEqual([{ userId: 'u-hedy', scope: 'mention' }]);
    expect(target.stopped('u-hedy')).toEqual(['mention']);
    // The token is a credential: the request log shows the path without it.
    expect(t.logs.join('\n')).toContain('"path":"/unsubscribe/[redacted]"');
    expect(t.logs.join('\n')).not.toContain(token);
  });

  it('takes the one-click field as multipart/form-data too', async () => {
    const token = tokenFor('u-joan', 'all');
    const body = new FormData();
    body.set('List-Unsubscribe', 'One-Click');
    const before = target.calls.length;
    const response = await fromMailClient(`/unsubscribe/${token}`, { method: 'POST', body });
    expect(response.status).toBe(200);
    expect(target.calls.slice(before)).toEqual([{ userId: 'u-joan', scope: 'all' }]);
  });

  it('answers the confirmation page’s button, from a browser on another site too, with a page', async () => {
    const token = tokenFor('u-katherine', 'comment');
    const before = target.calls.length;
    const response = await fromMailClient(`/unsubscribe/${token}`, {
      method: 'POST',
      headers: {
        ...form,
        accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8',
        origin: 'https://mail.example.net',
        'sec-fetch-site': 'cross-site',
      },
      body: oneClick,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toContain('<h1>Unsubscribed</h1>');
    expect(target.calls.slice(before)).toEqual([{ userId: 'u-katherine', scope: 'comment' }]);
  });

  it('refuses an altered, foreign or expired token with 400 and changes nothing', async () => {
    const before = target.calls.length;
    const post = (token: string) =>
      fromMailClient(`/unsubscribe/${token}`, { method: 'POST', headers: form, body: oneClick });

    const altered = await expectJson(await post(tampered(tokenFor('u-hedy', 'all'))), 400);
    expect(altered.error.code).toBe('invalid_unsubscribe_link');
    expect(altered.error.message).toMatch(/not valid/);

    // Someone else's id in the payload, under a real signature.
    const real = tokenFor('u-hedy', 'all');
    const payload = Buffer.from(JSON.stringify(['u-admin', 'all', Math.floor(Date.now() / 1000)]));
    const swapped = `${payload.toString('base64url')}${real.slice(real.indexOf('.'))}`;
    expect((await expectJson(await post(swapped), 400)).error.code).toBe(
      'invalid_unsubscribe_link',
    );

    // Signed with this server's key, but long ago.
    const key = t.server.runtime.storage.serverKeys.ensureKey('unsubscribe', 'unused', 0);
    const old = new UnsubscribeTokens({
      key: Buffer.from(key, 'base64url'),
      clock: new ManualClock(Date.now() - 400 * 86_400_000),
    }).issue('u-hedy', 'all');
    const expired = await expectJson(await post(old), 400);
    expect(expired.error).toEqual({
      code: 'unsubscribe_link_expired',
      message: expect.stringMatching(/expired/),
    });
    expect((await fromMailClient(`/unsubscribe/${old}`)).status).toBe(400);

    expect(target.calls.length).toBe(before);
  });

  it('refuses a body that is not the one-click form and changes nothing', async () => {
    const token = tokenFor('u-hedy', 'digest');
    const before = target.calls.length;
    const wrongValue = await fromMailClient(`/unsubscribe/${token}`, {
      method: 'POST',
      headers: form,
      body: 'List-Unsubscribe=Yes',
    });
    expect((await expectJson(wrongValue, 400)).error.code).toBe('invalid_request');
    const empty = await fromMailClient(`/unsubscribe/${token}`, { method: 'POST', headers: form });
    expect(empty.status).toBe(400);
    const json = await fromMailClient(`/unsubscribe/${token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ 'List-Unsubscribe': 'One-Click' }),
    });
    expect((await expectJson(json, 415)).error.code).toBe('unsupported_media_type');
    const huge = await fromMailClient(`/unsubscribe/${token}`, {
      method: 'POST',
      headers: form,
      body: `${oneClick}&pad=${'x'.repeat(10_000)}`,
    });
    expect(huge.status).toBe(413);
    expect(target.calls.length).toBe(before);
  });
});

describe('as Lore wires it', () => {
  let wired: TestServer;
  beforeAll(async () => {
    wired = await startTestServer();
    await wired.request('/api/setup', {
      method: 'POST',
      json: { email: 'hedy@example.com', displayName: 'Hedy', password: 'frequency hopping' },
    });
  });
  afterAll(async () => {
    await wired?.close();
  });

  it("turns that email off in the person's notification settings, and a GET changes nothing", async () => {
    const { users } = await expectJson(await wired.request('/api/users'), 200);
    const hedy = users[0] as { id: string };
    const { notifications, mail } = wired.server.services;
    const emailOf = (kind: 'mentioned' | 'thread_reply') =>
      notifications.settings({ id: hedy.id }).channels[kind].email;
    expect(emailOf('mentioned')).toBe(true);
    const token = mail.unsubscribeTokens.issue(hedy.id, 'mentioned');
    expect((await fetch(`${wired.url}/unsubscribe/${token}`)).status).toBe(200);
    expect(emailOf('mentioned')).toBe(true);
    const post = await fetch(`${wired.url}/unsubscribe/${token}`, {
      method: 'POST',
      headers: form,
      body: oneClick,
    });
    expect(post.status).toBe(200);
    expect(emailOf('mentioned')).toBe(false);
    // Only that kind: the others still come by email.
    expect(emailOf('thread_reply')).toBe(true);
    const all = mail.unsubscribeTokens.issue(hedy.id, 'all');
    await fetch(`${wired.url}/unsubscribe/${all}`, {
      method: 'POST',
      headers: form,
      body: oneClick,
    });
    expect(emailOf('thread_reply')).toBe(false);
  });
});

describe('GET /api/admin/mail', () => {
  it('tells admins that email is off until LORE_SMTP_URL is set, and no one else', async () => {
    expect(await expectJson(await t.request('/api/admin/mail'), 200)).toEqual({
      mail: { enabled: false, from: null },
    });
    const member = await signInNewUser(t, {
      email: 'member@example.com',
      displayName: 'Member',
      password: 'correct-horse-battery',
    });
    const refused = await t.request('/api/admin/mail', { headers: { cookie: member } });
    expect(refused.status).toBe(403);
    expect((await t.request('/api/admin/mail', { anonymous: true })).status).toBe(401);
  });

  it('shows the sender, and never the server address or its password, when email is on', async () => {
    const on = await startTestServer({
      LORE_SMTP_URL: 'smtp://lore:hunter2-secret@127.0.0.1:2525',
      LORE_MAIL_FROM: 'Lore <wiki@example.com>',
      LORE_PUBLIC_URL: 'https://wiki.example.com',
    });
    try {
      // Writes must come from the public address once it is set.
      await on.request('/api/setup', {
        method: 'POST',
        json: admin,
        headers: { origin: 'https://wiki.example.com' },
      });
      const answer = await on.request('/api/admin/mail');
      const text = await answer.text();
      expect(JSON.parse(text)).toEqual({
        mail: { enabled: true, from: 'Lore <wiki@example.com>' },
      });
      expect(text).not.toContain('hunter2');
      // The links in emails name the public address.
      const url = on.server.services.mail.unsubscribeUrl('u-hedy', 'all');
      expect(url).toMatch(/^https:\/\/wiki\.example\.com\/unsubscribe\/[\w-]+\.[\w-]+$/);
      expect(on.server.services.mail.unsubscribeHeaders('u-hedy', 'all')).toEqual({
        'List-Unsubscribe': expect.stringMatching(/^<https:\/\/wiki\.example\.com\/unsubscribe\//),
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      });
      expect(on.server.services.mail.messageIdFor('notification.42')).toBe(
        '<notification.42@wiki.example.com>',
      );
      expect(on.logs.join('\n')).not.toContain('hunter2');
    } finally {
      await on.close();
    }
  });
});
