import { ALLOWED_HTML_TAGS, allowedHTMLAttribute } from '@lore/schema';
import { Window } from 'happy-dom';

/** The diff's own elements, besides what page rendering produces. */
const diffTags = new Set(['ins', 'del']);
const diffClass = /^(lore-diff-(ins|del|block)|callout|language-[\w+-]{1,40})$/;

/**
 * What a sanitizer holding HTML to the page schema's allow-list would have to remove: elements
 * outside it, attributes it does not allow (by the schema's own `allowedHTMLAttribute`), and
 * attribute values holding the diff's own markup (a mark turned into a tag inside an attribute).
 * An empty list means the HTML is clean.
 */
export function htmlViolations(html: string): string[] {
  const window = new Window({ settings: { disableJavaScriptEvaluation: true } });
  try {
    const body = new window.DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body;
    const found: string[] = [];
    const stack = [...Array.from(body.children)];
    while (stack.length > 0) {
      const element = stack.pop();
      if (!element) continue;
      const tag = element.tagName.toLowerCase();
      if (!ALLOWED_HTML_TAGS.has(tag) && !diffTags.has(tag)) found.push(`element <${tag}>`);
      for (const { name, value: raw } of Array.from(element.attributes)) {
        const value = raw ?? '';
        if (/<\/?(ins|del)\b/.test(value)) found.push(`diff markup in ${tag}[${name}]`);
        const allowed =
          name === 'class'
            ? value.split(/\s+/).every((token) => diffClass.test(token))
            : allowedHTMLAttribute(tag, name, value);
        if (!allowed) found.push(`attribute ${tag}[${name}="${value.slice(0, 40)}"]`);
      }
      stack.push(...Array.from(element.children));
    }
    return found;
  } finally {
    void window.happyDOM.close();
  }
}
