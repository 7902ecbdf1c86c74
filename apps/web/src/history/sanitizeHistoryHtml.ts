import { ALLOWED_HTML_TAGS, allowedHTMLAttribute } from '@lore/schema';

/** Elements the page schema renders (its own allowlist), plus the diff's marks. Others are unwrapped. */
const allowedTags = new Set([...ALLOWED_HTML_TAGS, 'ins', 'del']);

/** Elements dropped with everything inside them. */
const droppedTags = new Set([
  'base',
  'button',
  'embed',
  'form',
  'iframe',
  'link',
  'math',
  'meta',
  'noscript',
  'object',
  'script',
  'select',
  'style',
  'svg',
  'template',
  'textarea',
  'title',
]);

/** Stricter than the schema's class rule: only the classes rendering and the diff produce. */
const allowedClass = /^(lore-diff-(ins|del|block)|callout|language-[\w+-]{1,40})$/;

/**
 * Cleans HTML from the versions API before it is shown: the server already renders it through
 * the page schema and sanitizes it, and this keeps only the elements and attributes that
 * rendering can produce, so a server bug or a tampered response cannot run script or restyle
 * the app. Links open in a new tab; checkboxes are read-only. Parsing happens in an inert
 * document, so nothing in the input loads or runs while it is cleaned.
 */
export function sanitizeHistoryHtml(html: string): string {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  cleanChildren(parsed.body);
  return parsed.body.innerHTML;
}

function cleanChildren(parent: Element): void {
  for (const child of Array.from(parent.childNodes)) {
    if (child.nodeType === 3) continue;
    if (child.nodeType !== 1) {
      child.remove();
      continue;
    }
    const element = child as Element;
    const tag = element.tagName.toLowerCase();
    if (droppedTags.has(tag)) {
      element.remove();
      continue;
    }
    cleanChildren(element);
    if (!allowedTags.has(tag)) {
      element.replaceWith(...Array.from(element.childNodes));
      continue;
    }
    cleanAttributes(element, tag);
  }
}

function cleanAttributes(element: Element, tag: string): void {
  for (const { name, value } of Array.from(element.attributes)) {
    if (name === 'class') {
      const kept = value.split(/\s+/).filter((token) => allowedClass.test(token));
      if (kept.length > 0) element.setAttribute('class', kept.join(' '));
      else element.removeAttribute('class');
      continue;
    }
    if (!allowedHTMLAttribute(tag, name, value)) element.removeAttribute(name);
  }
  if (tag === 'a' && element.hasAttribute('href')) {
    element.setAttribute('target', '_blank');
    element.setAttribute('rel', 'noopener noreferrer nofollow');
  }
  if (tag === 'input') {
    if (element.getAttribute('type') !== 'checkbox') {
      element.remove();
      return;
    }
    element.setAttribute('disabled', '');
  }
}
