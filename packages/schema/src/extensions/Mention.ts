import { Node } from '@tiptap/core';

/** A person's id as mentions carry it (the same rule as mentions in comments). */
const USER_ID = /^[A-Za-z0-9_-]{1,100}$/;

/** Whether a value can be the `userId` of a mention. */
export function isMentionUserId(value: unknown): value is string {
  return typeof value === 'string' && USER_ID.test(value);
}

/** Whether a value can be the `label` of a mention: one line, 1 to 200 characters. */
export function isMentionLabel(value: unknown): value is string {
  return (
    typeof value === 'string' && value.length > 0 && value.length <= 200 && !/[\n\r]/.test(value)
  );
}

/**
 * A person named in the page (`userId`, and `label`, their name when they were mentioned):
 * `<span class="mention" data-user-id>@Name</span>` in HTML, `@[Name](user:id)` in Markdown as
 * in comments, `@Name` in plain text. One indivisible inline node.
 */
export const Mention = Node.create({
  name: 'mention',
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,

  addAttributes() {
    return {
      userId: { default: null, rendered: false },
      label: { default: null, rendered: false },
    };
  },

  parseHTML() {
    return [
      {
        tag: 'span.mention[data-user-id]',
        getAttrs: (element) => {
          const userId = element.getAttribute('data-user-id');
          const label = (element.textContent ?? '').replace(/^@/, '').trim();
          return isMentionUserId(userId) && isMentionLabel(label) ? { userId, label } : false;
        },
      },
    ];
  },

  renderHTML({ node }) {
    const { userId, label } = node.attrs as { userId: unknown; label: unknown };
    return [
      'span',
      { class: 'mention', 'data-user-id': isMentionUserId(userId) ? userId : '' },
      `@${typeof label === 'string' ? label : ''}`,
    ];
  },

  renderText({ node }) {
    return `@${String(node.attrs.label ?? '')}`;
  },
});
