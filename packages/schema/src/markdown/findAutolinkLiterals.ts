/** A run of text, or a link found in it (`url` set). */
export interface AutolinkPiece {
  text: string;
  url?: string;
}

interface Found {
  url: string;
  text: string;
  /** Characters the pattern matched that are not part of the link. */
  trail: string;
}

interface Finder {
  pattern: RegExp;
  /** The link for a match, or null when the match does not make one. */
  link: (match: RegExpExecArray) => Found | null;
}

const SPACE_OR_PUNCTUATION = /[\s\p{P}\p{S}]/u;
const URL_TRAILING = new Set([...`!"&'),.:;<>?]}`]);
/** A domain name's last segment may not end in these. */
const BAD_DOMAIN_END = /[\d\-_]$/;

/** Both last segments of a domain, when not empty, have a letter or digit and no `_`. */
function isValidDomain(domain: string): boolean {
  const segments = domain.split('.');
  if (segments.length < 2) return false;
  return segments
    .slice(-2)
    .every((segment) => segment === '' || (!segment.includes('_') && /[\dA-Za-z]/.test(segment)));
}

/**
 * Splits trailing punctuation off a URL, except closing parentheses that balance opening
 * ones in it.
 */
function splitTrail(candidate: string): [string, string] {
  let end = candidate.length;
  while (end > 0 && URL_TRAILING.has(candidate[end - 1] as string)) end--;
  let unbalanced = 0;
  for (let at = 0; at < end; at++) {
    if (candidate[at] === '(') unbalanced++;
    else if (candidate[at] === ')') unbalanced--;
  }
  for (let at = end; at < candidate.length && unbalanced > 0; at++) {
    if (candidate[at] !== ')') continue;
    end = at + 1;
    unbalanced--;
  }
  return [candidate.slice(0, end), candidate.slice(end)];
}

const FINDERS: readonly Finder[] = [
  {
    // `http://`, `https://` or `www.`, a domain with a dot, then up to a space, tab or newline.
    pattern: /(?<![\da-z])(https?:\/\/|www(?=\.))([\w-]*\.[\w.-]*)([^\t\n\r ]*)/gi,
    link: (match) => {
      const [, scheme = '', domainPart = '', path = ''] = match;
      const before = match.input[match.index - 1];
      if (before !== undefined && !SPACE_OR_PUNCTUATION.test(before)) return null;
      const www = /^w/i.test(scheme);
      const domain = www ? scheme + domainPart : domainPart;
      if (SPACE_OR_PUNCTUATION.test(domain[0] ?? '') || !isValidDomain(domain)) return null;
      const [rest, trail] = splitTrail(domain + path);
      const shown = (www ? '' : scheme) + rest;
      return { url: (www ? 'http://' : '') + shown, text: shown, trail };
    },
  },
  {
    pattern: /(?<![\w+.@-])xmpp:([\w+.-]+)@([\w-]+(?:\.[\w-]+)+)(\/(?:[\w/-]|\.(?=[\dA-Za-z]))*)?/g,
    link: (match) => {
      const [whole, , domain = '', resource] = match;
      const resourceEndsBadly =
        resource !== undefined &&
        (!/[A-Za-z]$/.test(resource) || match.input[match.index + whole.length] === '@');
      if (BAD_DOMAIN_END.test(domain) || resourceEndsBadly) return null;
      return { url: whole, text: whole, trail: '' };
    },
  },
  {
    pattern: /(?<![\w+.@-])mailto:[\w+.-]+@([\w-]+(?:\.[\w-]+)+)/g,
    link: ([whole, domain = '']) =>
      BAD_DOMAIN_END.test(domain) ? null : { url: whole, text: whole, trail: '' },
  },
  {
    // A bare address, not one already written after `mailto:` or `xmpp:`.
    pattern: /(?<![\w+.-]|(?:^|[^\d@A-Za-z])(?:mailto|xmpp):)[\w+.-]+@([\w-]+(?:\.[\w-]+)+)/g,
    link: ([whole, domain = '']) =>
      BAD_DOMAIN_END.test(domain) ? null : { url: `mailto:${whole}`, text: whole, trail: '' },
  },
];

function split(text: string, finder: Finder, out: AutolinkPiece[]): void {
  const { pattern } = finder;
  let start = 0;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const found = finder.link(match);
    if (found === null) {
      pattern.lastIndex = match.index + 1;
      continue;
    }
    if (match.index > start) out.push({ text: text.slice(start, match.index) });
    out.push({ text: found.text, url: found.url });
    if (found.trail !== '') out.push({ text: found.trail });
    start = match.index + match[0].length;
  }
  if (start < text.length) out.push({ text: text.slice(start) });
}

/** Cheap test for text that may hold an autolink literal. */
export const MAY_HAVE_AUTOLINK_LITERAL = /@|:\/\/|www\./i;

/**
 * GitHub autolink literals in plain text — `https://…`, `www.…`, e-mail addresses, `mailto:`
 * and `xmpp:` — as links between runs of text, or null when there are none. Each kind is
 * looked for in turn in the text the previous kinds left; a URL's trailing punctuation is not
 * part of it. This is the lenient second look GitHub's parser takes at text once the literals
 * read with it (see `scanAutolinkLiterals`) are links.
 */
export function findAutolinkLiterals(text: string): AutolinkPiece[] | null {
  let pieces: AutolinkPiece[] = [{ text }];
  let found = false;
  for (const finder of FINDERS) {
    const next: AutolinkPiece[] = [];
    for (const piece of pieces) {
      if (piece.url === undefined) split(piece.text, finder, next);
      else next.push(piece);
    }
    found ||= next.some((piece) => piece.url !== undefined);
    pieces = next;
  }
  return found ? pieces : null;
}
