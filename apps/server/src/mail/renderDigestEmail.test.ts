import { describe, expect, it } from 'vitest';
import { parseEmailHtml } from './emailTestKit';
import { type DigestItem, digestItemLimit, renderDigestEmail } from './renderDigestEmail';

const links = {
  unsubscribeUrl: 'https://wiki.example.com/unsubscribe/abc.def',
  settingsUrl: 'https://wiki.example.com/settings/notifications',
};

const item = (n: number, fields: Partial<DigestItem> = {}): DigestItem => ({
  kind: 'comment',
  actorName: `Person ${n}`,
  pageTitle: `Page ${n}`,
  snippet: `Comment ${n}`,
  deepLink: `https://wiki.example.com/s/page-${n}#comment-${n}`,
  ...fields,
});

describe('renderDigestEmail', () => {
  it('lists every notification with its link, in both parts', () => {
    const email = renderDigestEmail({
      recipientName: 'Ada',
      period: 'daily',
      items: [item(1), item(2, { kind: 'mention', snippet: null })],
      ...links,
    });
    expect(email.subject).toBe('Your daily Lore digest: 2 updates');
    expect(email.text).toContain(
      '* Person 1 commented on “Page 1”\n  > Comment 1\n  https://wiki.example.com/s/page-1#comment-1',
    );
    expect(email.text).toContain(
      '* Person 2 mentioned you on “Page 2”\n  https://wiki.example.com/s/page-2#comment-2',
    );
    expect(email.text).toContain(`Unsubscribe: ${links.unsubscribeUrl}`);
    const html = parseEmailHtml(email.html);
    expect(html.violations).toEqual([]);
    expect(html.links).toEqual([
      { text: 'Page 1', href: 'https://wiki.example.com/s/page-1#comment-1' },
      { text: 'Page 2', href: 'https://wiki.example.com/s/page-2#comment-2' },
      { text: 'Unsubscribe', href: links.unsubscribeUrl },
      { text: 'Notification settings', href: links.settingsUrl },
    ]);
  });

  it('gathers notifications of a few minutes as one message, with the kinds as notifications name them', () => {
    const email = renderDigestEmail({
      recipientName: 'Ada',
      period: 'instant',
      items: [item(1, { kind: 'mentioned' }), item(2, { kind: 'thread_reply' })],
      ...links,
    });
    expect(email.subject).toBe('2 updates in Lore');
    expect(email.text).toContain('Here is what happened in Lore in the last few minutes:');
    expect(email.text).toContain('* Person 1 mentioned you on “Page 1”');
    expect(email.text).toContain('* Person 2 replied in a thread on “Page 2”');
  });

  it('escapes every item and says one update in the singular', () => {
    const email = renderDigestEmail({
      recipientName: 'Ada',
      period: 'weekly',
      items: [
        item(1, {
          actorName: '<img src=x onerror=alert(1)>',
          pageTitle: '<script>alert(1)</script>',
          snippet: '</div><iframe src="https://evil.example"></iframe>',
        }),
      ],
      ...links,
    });
    expect(email.subject).toBe('Your weekly Lore digest: 1 update');
    const html = parseEmailHtml(email.html);
    expect(html.violations).toEqual([]);
    expect(html.links[0]?.text).toBe('<script>alert(1)</script>');
    expect(html.text).toContain('</div><iframe src="https://evil.example"></iframe>');
  });

  it('lists the first ones of a long digest and counts the rest', () => {
    const items = Array.from({ length: digestItemLimit + 7 }, (_, n) => item(n));
    const email = renderDigestEmail({ recipientName: 'Ada', period: 'weekly', items, ...links });
    expect(email.subject).toBe(`Your weekly Lore digest: ${digestItemLimit + 7} updates`);
    expect(email.text).toContain('…and 7 more in Lore.');
    expect(parseEmailHtml(email.html).links).toHaveLength(digestItemLimit + 2);
  });

  it('refuses an empty digest and links that are not http(s)', () => {
    expect(() =>
      renderDigestEmail({ recipientName: 'Ada', period: 'daily', items: [], ...links }),
    ).toThrow(/at least one/);
    expect(() =>
      renderDigestEmail({
        recipientName: 'Ada',
        period: 'daily',
        items: [item(1, { deepLink: 'javascript:alert(1)' })],
        ...links,
      }),
    ).toThrow(/http/);
  });
});
