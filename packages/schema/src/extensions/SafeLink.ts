import { Link } from '@tiptap/extension-link';
import { isSafeHref } from '../isSafeHref';

/**
 * Links restricted to `http:`, `https:`, `mailto:` and relative URLs. Other targets are not
 * parsed from HTML, cannot be set by commands and are rendered without `href`. The stored
 * attributes are only `href` and `title`; external links render with `target="_blank"` and a
 * `rel` that withholds the opener and referrer.
 */
export const SafeLink = Link.extend({
  addOptions() {
    return {
      ...(this.parent?.() ?? Link.options),
      openOnClick: false,
      defaultProtocol: 'https',
      isAllowedUri: (url: string) => isSafeHref(url),
    };
  },

  renderHTML({ HTMLAttributes }) {
    const { href, title } = HTMLAttributes as { href?: unknown; title?: unknown };
    if (!isSafeHref(href)) return ['a', title ? { title } : {}, 0];
    const external = /^https?:/i.test(href.trim());
    const presentation = external ? { target: '_blank', rel: 'noopener noreferrer nofollow' } : {};
    return ['a', { href, ...(title ? { title } : {}), ...presentation }, 0];
  },

  addAttributes() {
    return {
      href: {
        default: null,
        parseHTML: (element) => element.getAttribute('href'),
      },
      title: {
        default: null,
        parseHTML: (element) => element.getAttribute('title'),
      },
    };
  },
});
