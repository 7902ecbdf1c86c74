import { Window } from 'happy-dom';

/** The elements Lore's emails are made of; anything else in one means markup got in. */
const emailTags = new Set([
  'html',
  'head',
  'meta',
  'title',
  'body',
  'div',
  'p',
  'strong',
  'a',
  'blockquote',
  'br',
  'ul',
  'li',
]);

export interface ParsedEmailHtml {
  /** Elements outside the email's own, event-handler attributes, and links that are not http(s). */
  readonly violations: string[];
  /** Every link: its text and address. */
  readonly links: { text: string; href: string }[];
  /** The visible text. */
  readonly text: string;
}

/** An email's HTML as a browser reads it (happy-dom, no script run). */
export function parseEmailHtml(html: string): ParsedEmailHtml {
  const window = new Window({ settings: { disableJavaScriptEvaluation: true } });
  try {
    const document = new window.DOMParser().parseFromString(html, 'text/html');
    const violations: string[] = [];
    const links: { text: string; href: string }[] = [];
    for (const element of Array.from(document.querySelectorAll('*'))) {
      const tag = element.tagName.toLowerCase();
      if (!emailTags.has(tag)) violations.push(`element <${tag}>`);
      for (const { name } of Array.from(element.attributes)) {
        if (name.toLowerCase().startsWith('on')) violations.push(`attribute ${tag}[${name}]`);
      }
      if (tag === 'a') {
        const href = element.getAttribute('href') ?? '';
        if (!/^https?:\/\//.test(href)) violations.push(`link to ${href}`);
        links.push({ text: element.textContent ?? '', href });
      }
    }
    return { violations, links, text: document.body.textContent ?? '' };
  } finally {
    void window.happyDOM.close();
  }
}
