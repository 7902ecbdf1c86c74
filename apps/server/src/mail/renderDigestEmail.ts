import { escapeHtml } from '@lore/core';
import {
  checkedLink,
  type EmailFooterLinks,
  emailHtml,
  emailTextFooter,
  linkHtml,
  oneLine,
  paragraph,
  paragraphHtml,
  type RenderedEmail,
} from './emailFrame';
import { notificationPhrase } from './notificationPhrase';

/** One notification in a digest. */
export interface DigestItem {
  readonly kind: string;
  readonly actorName: string;
  readonly pageTitle: string;
  readonly snippet: string | null;
  /** The exact place (comment, heading) as an absolute URL. */
  readonly deepLink: string;
}

export interface DigestEmail extends EmailFooterLinks {
  readonly recipientName: string;
  /** `instant`: several notifications made within the batching window, sent as one. */
  readonly period: 'instant' | 'daily' | 'weekly';
  /** Oldest first or newest first, as the caller prefers; at least one. */
  readonly items: readonly DigestItem[];
}

/** Past this many, a digest lists the first ones and says how many more there are. */
export const digestItemLimit = 50;

/**
 * The daily or weekly digest: several notifications in one email, each with who did what
 * where, its snippet and the link to the exact place; the same escaping and footer as a
 * single notification.
 */
export function renderDigestEmail(input: DigestEmail): RenderedEmail {
  if (input.items.length === 0) throw new Error('A digest needs at least one notification.');
  const recipient = oneLine(input.recipientName, 100);
  const count = input.items.length;
  const updates = `${count} ${count === 1 ? 'update' : 'updates'}`;
  const subject =
    input.period === 'instant'
      ? `${updates} in Lore`
      : `Your ${input.period} Lore digest: ${updates}`;
  const shown = input.items.slice(0, digestItemLimit).map((item) => ({
    actor: oneLine(item.actorName, 100) || 'Someone',
    phrase: notificationPhrase(item.kind),
    title: oneLine(item.pageTitle, 150) || 'Untitled',
    snippet: item.snippet === null ? '' : paragraph(item.snippet, 300),
    link: checkedLink(item.deepLink),
  }));
  const more = count - shown.length;
  const since = {
    instant: 'in the last few minutes',
    daily: 'since yesterday',
    weekly: 'since last week',
  }[input.period];

  const text = [
    recipient ? `Hi ${recipient},` : 'Hi,',
    '',
    `Here is what happened in Lore ${since}:`,
    ...shown.flatMap((item) => [
      '',
      `* ${item.actor} ${item.phrase} “${item.title}”`,
      ...(item.snippet ? item.snippet.split('\n').map((line) => `  > ${line}`.trimEnd()) : []),
      `  ${item.link}`,
    ]),
    ...(more > 0 ? ['', `…and ${more} more in Lore.`] : []),
    '',
    emailTextFooter(input),
    '',
  ].join('\n');

  const itemHtml = shown.map((item) =>
    [
      '<li style="margin: 0 0 16px;">',
      `<strong>${escapeHtml(item.actor)}</strong> ${escapeHtml(item.phrase)} ${linkHtml(item.link, item.title)}`,
      item.snippet
        ? `<div style="margin-top: 4px; padding-left: 10px; border-left: 3px solid #dde1e6; color: #424a53;">${paragraphHtml(item.snippet)}</div>`
        : '',
      '</li>',
    ].join(''),
  );
  const bodyHtml = [
    `<p style="margin: 0 0 12px;">${recipient ? `Hi ${escapeHtml(recipient)},` : 'Hi,'}</p>`,
    `<p style="margin: 0 0 16px;">Here is what happened in Lore ${since}:</p>`,
    `<ul style="margin: 0; padding-left: 20px;">\n${itemHtml.join('\n')}\n</ul>`,
    ...(more > 0 ? [`<p style="margin: 8px 0 0;">…and ${more} more in Lore.</p>`] : []),
  ].join('\n');

  return { subject, text, html: emailHtml({ title: subject, bodyHtml, links: input }) };
}
