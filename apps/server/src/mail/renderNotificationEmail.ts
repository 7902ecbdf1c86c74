import { escapeHtml } from '@lore/core';
import {
  buttonHtml,
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

/** One piece of news for one person, as the notifications feature describes it. */
export interface NotificationEmail extends EmailFooterLinks {
  readonly recipientName: string;
  /** The notification kind (`mention`, `comment`, `reply`…): it picks the wording. */
  readonly kind: string;
  readonly actorName: string;
  readonly pageTitle: string;
  /** The words in question (the comment, the paragraph mentioning the person), as plain text. */
  readonly snippet: string | null;
  /** The exact place: the comment or heading anchor on the page, as an absolute URL. */
  readonly deepLink: string;
}

/**
 * The email for one notification: a subject naming who did what where, a text part and an
 * HTML part saying the same, the link to the exact place, and a footer to unsubscribe or
 * change notification settings. Every name, title and snippet is escaped in the HTML and kept
 * to one line where a line is expected.
 */
export function renderNotificationEmail(input: NotificationEmail): RenderedEmail {
  const actor = oneLine(input.actorName, 100) || 'Someone';
  const title = oneLine(input.pageTitle, 150) || 'Untitled';
  const recipient = oneLine(input.recipientName, 100);
  const phrase = notificationPhrase(input.kind);
  const snippet = input.snippet === null ? '' : paragraph(input.snippet);
  const deepLink = checkedLink(input.deepLink);
  const subject = oneLine(`${actor} ${phrase} “${title}”`, 200);

  const text = [
    recipient ? `Hi ${recipient},` : 'Hi,',
    '',
    `${actor} ${phrase} “${title}”${snippet ? ':' : '.'}`,
    ...(snippet ? ['', ...snippet.split('\n').map((line) => `> ${line}`.trimEnd())] : []),
    '',
    `Open it in Lore: ${deepLink}`,
    '',
    emailTextFooter(input),
    '',
  ].join('\n');

  const bodyHtml = [
    `<p style="margin: 0 0 12px;">${recipient ? `Hi ${escapeHtml(recipient)},` : 'Hi,'}</p>`,
    `<p style="margin: 0 0 12px;"><strong>${escapeHtml(actor)}</strong> ${escapeHtml(phrase)} ${linkHtml(
      deepLink,
      title,
    )}${snippet ? ':' : '.'}</p>`,
    ...(snippet
      ? [
          `<blockquote style="margin: 0 0 16px; padding: 8px 12px; border-left: 3px solid #dde1e6; color: #424a53;">${paragraphHtml(snippet)}</blockquote>`,
        ]
      : []),
    `<p style="margin: 16px 0 0;">${buttonHtml(deepLink, 'Open in Lore')}</p>`,
  ].join('\n');

  return { subject, text, html: emailHtml({ title: subject, bodyHtml, links: input }) };
}
