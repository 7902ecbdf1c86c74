import { Heading } from '@tiptap/extension-heading';
import { headingIdPlugin } from '../headingIdPlugin';
import { isValidHeadingId } from '../isValidHeadingId';

/**
 * Headings 1–6 with a stable `id` attribute used for `#anchor` links. Parsed ids are kept when
 * they are plain slugs; the editor plugin fills in missing ids and resolves duplicates.
 */
export const HeadingWithId = Heading.extend({
  addAttributes() {
    return {
      ...this.parent?.(),
      id: {
        default: null,
        parseHTML: (element) => {
          const id = element.getAttribute('id');
          return isValidHeadingId(id) ? id : null;
        },
        renderHTML: (attributes: { id?: unknown }) =>
          isValidHeadingId(attributes.id) ? { id: attributes.id } : {},
      },
    };
  },

  addProseMirrorPlugins() {
    return [...(this.parent?.() ?? []), headingIdPlugin(this.name)];
  },
});
