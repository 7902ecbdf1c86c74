import { Code } from '@tiptap/extension-code';

/**
 * Inline code that can sit inside links and emphasis. Tiptap's default excludes every other
 * mark, which would silently drop the link of ``[`name`](url)`` — a common pattern in docs.
 */
export const InlineCode = Code.extend({
  excludes: '',
});
