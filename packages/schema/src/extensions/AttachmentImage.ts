import { mergeAttributes } from '@tiptap/core';
import { Image } from '@tiptap/extension-image';
import { isSafeImageSrc } from '../isSafeImageSrc';

/**
 * Inline images whose `src` is an attachment URL (`/api/attachments/...`) or `http(s)`.
 * Stored attributes are `src`, `alt` and `title`; other sources are dropped when parsing HTML
 * and never rendered.
 */
export const AttachmentImage = Image.extend({
  addOptions() {
    return {
      ...(this.parent?.() ?? Image.options),
      inline: true,
      allowBase64: false,
    };
  },

  addAttributes() {
    return {
      src: { default: null },
      alt: { default: null },
      title: { default: null },
    };
  },

  parseHTML() {
    return [
      {
        tag: 'img[src]',
        getAttrs: (element) => (isSafeImageSrc(element.getAttribute('src')) ? null : false),
      },
    ];
  },

  renderHTML({ HTMLAttributes }) {
    const { src, ...rest } = HTMLAttributes as { src?: unknown };
    const attrs = isSafeImageSrc(src) ? { ...rest, src } : rest;
    return ['img', mergeAttributes(this.options.HTMLAttributes, attrs)];
  },
});
