import { escapeHtml } from '@lore/core';

/** An email's three rendered parts. */
export interface RenderedEmail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/** The two links at the foot of every notification email. */
export interface EmailFooterLinks {
  /** The one-click unsubscribe page (`/unsubscribe/<token>`). */
  readonly unsubscribeUrl: string;
  /** The person's notification settings in the web app. */
  readonly settingsUrl: string;
}

/** `url` when it is an absolute http(s) address; anything else (`javascript:`…) is refused. */
export function checkedLink(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`Not an absolute URL: ${url}`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new Error(`Links in emails must be http(s): ${url}`);
  }
  return parsed.href;
}

/** Text for one line (a name, a title, a subject): no line breaks or control characters. */
export function oneLine(text: string, maxLength = 200): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what goes.
  const line = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
  return line.length > maxLength ? `${line.slice(0, maxLength - 1).trimEnd()}…` : line;
}

/** Text for a paragraph (a snippet): line breaks kept, other control characters gone. */
export function paragraph(text: string, maxLength = 600): string {
  const cleaned = text
    .replace(/\r\n?/g, '\n')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what goes.
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]+/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return cleaned.length > maxLength ? `${cleaned.slice(0, maxLength - 1).trimEnd()}…` : cleaned;
}

/** A paragraph as HTML: escaped, with its line breaks. */
export function paragraphHtml(text: string): string {
  return escapeHtml(text).replace(/\n/g, '<br>');
}

const fonts = "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";

/** An `<a>` to a checked link, with an inline style. */
export function linkHtml(url: string, label: string, style = 'color: #2456c8;'): string {
  return `<a href="${escapeHtml(checkedLink(url))}" style="${style}">${escapeHtml(label)}</a>`;
}

/** A button-looking link, for the one thing to do. */
export function buttonHtml(url: string, label: string): string {
  return linkHtml(
    url,
    label,
    'display: inline-block; padding: 10px 18px; background: #2456c8; color: #ffffff; border-radius: 6px; text-decoration: none; font-weight: 600;',
  );
}

/**
 * The HTML document around an email's body: one column, inline styles only (mail clients drop
 * `<style>` and block remote files), no script, and the footer with the two links.
 */
export function emailHtml(parts: {
  readonly title: string;
  readonly bodyHtml: string;
  readonly links: EmailFooterLinks;
}): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(parts.title)}</title></head>`,
    `<body style="margin: 0; padding: 24px; background: #f5f6f8; font-family: ${fonts}; color: #1f2328; font-size: 15px; line-height: 1.5;">`,
    '<div style="max-width: 600px; margin: 0 auto; background: #ffffff; border: 1px solid #dde1e6; border-radius: 8px; padding: 24px;">',
    parts.bodyHtml,
    '</div>',
    '<p style="max-width: 600px; margin: 16px auto 0; color: #656d76; font-size: 12px; text-align: center;">',
    'You get this email because of your notification settings in Lore.<br>',
    `${linkHtml(parts.links.unsubscribeUrl, 'Unsubscribe', 'color: #656d76;')} · ${linkHtml(
      parts.links.settingsUrl,
      'Notification settings',
      'color: #656d76;',
    )}`,
    '</p>',
    '</body>',
    '</html>',
  ].join('\n');
}

/** The plain-text footer with the same two links. */
export function emailTextFooter(links: EmailFooterLinks): string {
  return [
    '-- ',
    'You get this email because of your notification settings in Lore.',
    `Unsubscribe: ${checkedLink(links.unsubscribeUrl)}`,
    `Notification settings: ${checkedLink(links.settingsUrl)}`,
  ].join('\n');
}
