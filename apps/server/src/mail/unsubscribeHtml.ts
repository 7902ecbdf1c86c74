import { createHash } from 'node:crypto';
import { escapeHtml } from '@lore/core';

/** The pages' only styles, allowed by their hash: no inline style attributes, no script. */
const stylesheet = [
  'body { margin: 0; padding: 48px 16px; background: #f5f6f8; color: #1f2328;',
  "  font: 16px/1.5 -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif; }",
  'main { max-width: 480px; margin: 0 auto; background: #fff; border: 1px solid #dde1e6;',
  '  border-radius: 8px; padding: 24px; }',
  'h1 { font-size: 20px; margin: 0 0 12px; }',
  'button { font: inherit; font-weight: 600; padding: 8px 18px; border: 0; border-radius: 6px;',
  '  background: #2456c8; color: #fff; cursor: pointer; }',
].join('\n');

/**
 * The unsubscribe pages' own policy: nothing loads, nothing runs, the one stylesheet is
 * inline and allowed by its hash, and the only form posts back here.
 */
export const unsubscribePagePolicy = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(stylesheet).digest('base64')}'`,
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

function page(title: string, body: string): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex, nofollow">',
    `<title>${escapeHtml(title)} · Lore</title>`,
    `<style>${stylesheet}</style>`,
    '</head>',
    `<body><main>\n<h1>${escapeHtml(title)}</h1>\n${body}\n</main></body>`,
    '</html>',
  ].join('\n');
}

/** What a scope stops, in words. */
function scopeText(scope: string): string {
  return scope === 'all'
    ? 'all notification emails from Lore'
    : `emails about “${scope}” notifications from Lore`;
}

/**
 * The page an unsubscribe link opens. It changes nothing (mail scanners follow links): the
 * button posts the same one-click form a mail client would.
 */
export function unsubscribeConfirmHtml(token: string, scope: string): string {
  return page(
    'Unsubscribe?',
    [
      `<p>Stop ${escapeHtml(scopeText(scope))}?</p>`,
      `<form method="post" action="/unsubscribe/${escapeHtml(encodeURIComponent(token))}">`,
      '<input type="hidden" name="List-Unsubscribe" value="One-Click">',
      '<button type="submit">Unsubscribe</button>',
      '</form>',
      '<p>You can turn them on again in your notification settings in Lore.</p>',
    ].join('\n'),
  );
}

/** After the button: done. */
export function unsubscribedHtml(scope: string): string {
  return page(
    'Unsubscribed',
    `<p>You will no longer get ${escapeHtml(scopeText(scope))}. You can turn them on again in your notification settings.</p>`,
  );
}

/** A link that does not work, or unsubscribing that is not available. */
export function unsubscribeProblemHtml(title: string, message: string): string {
  return page(title, `<p>${escapeHtml(message)}</p>`);
}

/** The text answer to a mail client's one-click POST. */
export function unsubscribedText(scope: string): string {
  return `Unsubscribed: you will no longer get ${scopeText(scope)}.\n`;
}
