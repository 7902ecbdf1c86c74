import { describe, expect, it } from 'vitest';
import { parseEmailHtml } from './emailTestKit';
import { renderNotificationEmail } from './renderNotificationEmail';

const links = {
  unsubscribeUrl: 'https://wiki.example.com/unsubscribe/abc.def',
  settingsUrl: 'https://wiki.example.com/settings/notifications',
};
const deepLink = 'https://wiki.example.com/s/runbook-k3x9#comment-42';

describe('renderNotificationEmail', () => {
  it('says who did what where, with the link to the exact place in both parts', () => {
    const email = renderNotificationEmail({
      recipientName: 'Ada',
      kind: 'mention',
      actorName: 'Grace Hopper',
      pageTitle: 'On-call runbook',
      snippet: 'Can @Ada check the failover steps?\nThe second one looks wrong.',
      deepLink,
      ...links,
    });
    expect(email.subject).toBe('Grace Hopper mentioned you on “On-call runbook”');
    expect(email.text).toContain('Hi Ada,');
    expect(email.text).toContain('Grace Hopper mentioned you on “On-call runbook”:');
    expect(email.text).toContain(
      '> Can @Ada check the failover steps?\n> The second one looks wrong.',
    );
    expect(email.text).toContain(`Open it in Lore: ${deepLink}`);
    expect(email.text).toContain(`Unsubscribe: ${links.unsubscribeUrl}`);
    expect(email.text).toContain(`Notification settings: ${links.settingsUrl}`);

    const html = parseEmailHtml(email.html);
    expect(html.violations).toEqual([]);
    expect(html.links).toEqual([
      { text: 'On-call runbook', href: deepLink },
      { text: 'Open in Lore', href: deepLink },
      { text: 'Unsubscribe', href: links.unsubscribeUrl },
      { text: 'Notification settings', href: links.settingsUrl },
    ]);
    expect(html.text).toContain('Can @Ada check the failover steps?');
    expect(email.html).not.toMatch(/<script|<style|<link|<img|src=/i);
  });

  it('escapes names, titles and snippets so none of them becomes markup', () => {
    const email = renderNotificationEmail({
      recipientName: '<b>Ada</b>',
      kind: 'comment',
      actorName: '"><img src=x onerror=alert(1)>',
      pageTitle: '</a><script>alert("title")</script>',
      snippet: '<a href="javascript:alert(1)">click</a> & <style>body{}</style>',
      deepLink,
      ...links,
    });
    const html = parseEmailHtml(email.html);
    expect(html.violations).toEqual([]);
    expect(html.links[0]).toEqual({ text: '</a><script>alert("title")</script>', href: deepLink });
    expect(html.text).toContain('"><img src=x onerror=alert(1)>');
    expect(html.text).toContain('<a href="javascript:alert(1)">click</a> & <style>body{}</style>');
    // The text part is text: the same words, unescaped.
    expect(email.text).toContain('Hi <b>Ada</b>,');
    expect(email.text).toContain('“</a><script>alert("title")</script>”');
  });

  it('keeps the subject on one line whatever the title holds', () => {
    const email = renderNotificationEmail({
      recipientName: 'Ada',
      kind: 'reply',
      actorName: 'Eve\r\nBcc: everyone@example.com',
      pageTitle: `Notes\n\n${'x'.repeat(400)}`,
      snippet: null,
      deepLink,
      ...links,
    });
    expect(email.subject).not.toMatch(/[\r\n]/);
    expect(
      email.subject.startsWith('Eve Bcc: everyone@example.com replied to you on “Notes x'),
    ).toBe(true);
    expect(email.subject.length).toBeLessThanOrEqual(200);
    expect(email.text).not.toContain('> ');
  });

  it('names kinds it does not know in general words', () => {
    const email = renderNotificationEmail({
      recipientName: 'Ada',
      kind: 'something.new',
      actorName: 'Grace',
      pageTitle: 'Plan',
      snippet: null,
      deepLink,
      ...links,
    });
    expect(email.subject).toBe('Grace made changes to “Plan”');
  });

  it('refuses links that are not http(s)', () => {
    const input = {
      recipientName: 'Ada',
      kind: 'mention',
      actorName: 'Grace',
      pageTitle: 'Plan',
      snippet: null,
      deepLink,
      ...links,
    };
    expect(() => renderNotificationEmail({ ...input, deepLink: 'javascript:alert(1)' })).toThrow(
      /http/,
    );
    expect(() => renderNotificationEmail({ ...input, unsubscribeUrl: '/unsubscribe/x' })).toThrow(
      /absolute/,
    );
    expect(() =>
      renderNotificationEmail({ ...input, settingsUrl: 'data:text/html,<script>' }),
    ).toThrow(/http/);
  });
});
