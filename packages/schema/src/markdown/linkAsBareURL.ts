import type { Link } from 'mdast';

const URL_LITERAL = /^https?:\/\/[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+(?::\d+)?(?:[/?#][^\s<>`\\[\]*~"']*)?$/i;
const EMAIL_LITERAL = /^[a-z0-9._+-]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/i;

/** Characters after which GFM starts recognizing a bare URL. */
function canStartAfter(before: string): boolean {
  const last = before.charAt(before.length - 1);
  return last === '' || /[\s(*_~]/.test(last);
}

/** Whether the text after the URL ends it where GFM would (no character joins the URL). */
function endsCleanly(after: string): boolean {
  const first = after.charAt(0);
  if (first === '' || /\s/.test(first)) return true;
  // Trailing punctuation is left out of a bare URL only when whitespace follows it.
  return /[.,:;!?)]/.test(first) && after.length > 1 && /\s/.test(after.charAt(1));
}

function balancedParens(url: string): boolean {
  return (url.match(/\(/g)?.length ?? 0) === (url.match(/\)/g)?.length ?? 0);
}

/**
 * Returns the bare text to write for a link that GFM reads back as the same autolink
 * (`https://example.com`, `www.example.com`, `name@example.com`), or null when the link needs
 * `[text](url)` or `<url>`. Bare URLs are how people write them, so exports keep that style.
 */
export function linkAsBareURL(node: Link, before: string, after: string): string | null {
  const only = node.children[0];
  if (node.title || node.children.length !== 1 || only?.type !== 'text') return null;
  if (!canStartAfter(before) || !endsCleanly(after)) return null;
  const text = only.value;
  const last = text.charAt(text.length - 1);
  if (/[.,:;!?_*~&]/.test(last) || !balancedParens(text)) return null;
  if (text === node.url && URL_LITERAL.test(text)) return text;
  if (node.url === `http://${text}` && text.startsWith('www.') && URL_LITERAL.test(node.url)) {
    return text;
  }
  if (node.url === `mailto:${text}` && EMAIL_LITERAL.test(text)) return text;
  return null;
}
