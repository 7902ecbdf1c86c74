import { ALLOWED_HTML_TAGS, allowedHTMLAttribute } from '@lore/schema';
import createDOMPurify, { type DOMPurify } from 'dompurify';

/** Elements the page schema renders (its own allowlist), plus the diff's marks. */
const allowedTags = [...ALLOWED_HTML_TAGS, 'ins', 'del'];

/** Every attribute name some rendered element may carry; the value is checked per element. */
const allowedAttributes = [
  'href',
  'title',
  'target',
  'rel',
  'src',
  'alt',
  'start',
  'type',
  'colspan',
  'rowspan',
  'colwidth',
  'checked',
  'disabled',
  'id',
  'class',
  'style',
  'data-type',
  'data-checked',
  'data-callout',
  'data-kind',
];

/** Stricter than the schema's class rule: only the classes rendering and the diff produce. */
const allowedClass = /^(lore-diff-(ins|del|block)|callout|language-[\w+-]{1,40})$/;

let purifier: DOMPurify | undefined;

/** DOMPurify with the schema's rules as hooks, on its own instance (hooks are per instance). */
function historyPurifier(): DOMPurify {
  if (purifier) return purifier;
  const instance = createDOMPurify(window);
  instance.addHook('uponSanitizeAttribute', (node, data) => {
    const tag = node.nodeName.toLowerCase();
    if (data.attrName === 'class') {
      const kept = data.attrValue.split(/\s+/).filter((token) => allowedClass.test(token));
      data.attrValue = kept.join(' ');
      data.keepAttr = kept.length > 0;
      return;
    }
    data.keepAttr = allowedHTMLAttribute(tag, data.attrName, data.attrValue);
    // Already judged by the schema's rule; DOMPurify's own URI check would only agree.
    if (data.keepAttr) data.forceKeepAttr = true;
  });
  instance.addHook('afterSanitizeAttributes', (node) => {
    const element = node as Element;
    const tag = element.nodeName.toLowerCase();
    if (tag === 'a' && element.hasAttribute('href')) {
      element.setAttribute('target', '_blank');
      element.setAttribute('rel', 'noopener noreferrer nofollow');
    }
    if (tag === 'input') {
      if (element.getAttribute('type') !== 'checkbox') element.remove();
      else element.setAttribute('disabled', '');
    }
  });
  purifier = instance;
  return instance;
}

/**
 * Cleans HTML from the versions API before it is shown: the server already renders it through
 * the page schema and sanitizes it, and this keeps only the elements and attributes that
 * rendering can produce (DOMPurify, configured from the schema's allow-list), so a server bug or
 * a tampered response cannot run script or restyle the app. Unknown elements are unwrapped with
 * their text kept; links open in a new tab; checkboxes are read-only.
 */
export function sanitizeHistoryHtml(html: string): string {
  return historyPurifier().sanitize(html, {
    ALLOWED_TAGS: allowedTags,
    ALLOWED_ATTR: allowedAttributes,
    ALLOW_DATA_ATTR: false,
    KEEP_CONTENT: true,
  });
}
