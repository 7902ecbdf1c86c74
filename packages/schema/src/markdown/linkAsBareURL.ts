import type { Link } from 'mdast';

const URL_LITERAL =
  /^https?:\/\/[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+(?::\d+)?(?:[/?#][^\s<>`\\[\]*~"']*)?$/i;
const EMAIL_LITERAL =
  /^[a-z0-9._+-]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/i;

type LiteralKind = 'protocol' | 'www' | 'email';

/** Whether GFM starts a bare URL after this text (mirrors the reference parser's rules). */
function canStartAfter(before: string, kind: LiteralKind): boolean {
  const last = before.charAt(before.length - 1);
  if (last === '') return true;
  if (kind === 'protocol') return !/[A-Za-z]/.test(last);
  if (kind === 'www') return /[\s(*_[\]~]/.test(last);
  return !/[/\w.+-]/.test(last);
}

/**
 * Whether the text after the URL ends it where GFM would: trailing punctuation is left out of
 * a bare URL only when what follows it is whitespace, `<` or the end of the line.
 */
function endsCleanly(after: string): boolean {
  for (let i = 0; ; i++) {
    const char = after.charAt(i);
    if (char === '' || char === '<' || /\s/.test(char)) return true;
    if (char === ']') {
      // `](` or `][` may be written with escapes, which GFM would read into the URL.
      const next = after.charAt(i + 1);
      if (next === '' || /\s/.test(next)) return true;
      if (/[([]/.test(next)) return false;
      continue;
    }
    if (!`!"')*,.:;?_~`.includes(char)) return false;
  }
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
  if (!endsCleanly(after)) return null;
  const text = only.value;
  const last = text.charAt(text.length - 1);
  if (/[.,:;!?_*~&]/.test(last) || !balancedParens(text)) return null;
  if (text === node.url && URL_LITERAL.test(text)) {
    return canStartAfter(before, 'protocol') ? text : null;
  }
  if (node.url === `http://${text}` && text.startsWith('www.') && URL_LITERAL.test(node.url)) {
    return canStartAfter(before, 'www') ? text : null;
  }
  if (node.url === `mailto:${text}` && EMAIL_LITERAL.test(text)) {
    return canStartAfter(before, 'email') ? text : null;
  }
  return null;
}
