import { Link } from '@tiptap/extension-link';
import { isSafeHref } from '../isSafeHref';

/**
 * Links restricted to `http:`, `https:`, `mailto:` and relative URLs. Other targets are not
 * parsed from HTML, cannot be set by commands and are rendered without `href`. The stored
 * attributes are only `href` and `title`; `target`/`rel` are presentation, added on render.
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

  addAttributes() {
    return {
      href: {
        default: null,
        parseHTML: (element: HTMLElement) => element.getAttribute('href'),
      },
      title: {
        default: null,
        parseHTML: (element: HTMLElement) => element.getAttribute('title'),
      },
    };
  },
});
