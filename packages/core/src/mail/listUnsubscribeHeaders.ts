/**
 * The headers that let a mail client offer "Unsubscribe" and do it in one click (RFC 2369 and
 * RFC 8058): the client POSTs `List-Unsubscribe=One-Click` to the https address, with no
 * cookie and no page to confirm. `mailto` is an optional second way, for older clients.
 */
export function listUnsubscribeHeaders(
  url: string,
  mailto?: string,
): { 'List-Unsubscribe': string; 'List-Unsubscribe-Post': string } {
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new Error('An unsubscribe address must be an http(s) URL.');
  }
  const targets = [`<${parsed.href}>`];
  if (mailto !== undefined) {
    if (!/^[^\s<>,@]+@[^\s<>,@]+$/.test(mailto)) throw new Error('Not an email address.');
    targets.push(`<mailto:${mailto}?subject=unsubscribe>`);
  }
  return {
    'List-Unsubscribe': targets.join(', '),
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  };
}
