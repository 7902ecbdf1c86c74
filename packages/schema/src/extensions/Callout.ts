import { mergeAttributes, Node } from '@tiptap/core';

/** The kinds of callout, from least to most alarming. */
export const CALLOUT_KINDS = ['info', 'success', 'warning', 'danger'] as const;

/** One of {@link CALLOUT_KINDS}. */
export type CalloutKind = (typeof CALLOUT_KINDS)[number];

/** Whether a value is one of {@link CALLOUT_KINDS}. */
export function isCalloutKind(value: unknown): value is CalloutKind {
  return typeof value === 'string' && (CALLOUT_KINDS as readonly string[]).includes(value);
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    callout: {
      /** Wraps the selected blocks in a callout. */
      setCallout: (attributes?: { kind?: CalloutKind }) => ReturnType;
      /** Wraps the selection in a callout, or lifts it out of one. */
      toggleCallout: (attributes?: { kind?: CalloutKind }) => ReturnType;
      /** Lifts the selection out of the callout around it. */
      unsetCallout: () => ReturnType;
    };
  }
}

/**
 * A highlighted box around blocks (`kind`: info, success, warning or danger), written in
 * Markdown as a GitHub alert (`> [!NOTE]`) and in HTML as `<div data-callout data-kind>`.
 */
export const Callout = Node.create({
  name: 'callout',
  group: 'block',
  content: 'block+',
  defining: true,

  addAttributes() {
    return {
      kind: {
        default: 'info',
        parseHTML: (element) => {
          const kind = element.getAttribute('data-kind');
          return isCalloutKind(kind) ? kind : 'info';
        },
        renderHTML: (attributes: { kind?: unknown }) => ({
          'data-kind': isCalloutKind(attributes.kind) ? attributes.kind : 'info',
        }),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'div[data-callout]' }, { tag: 'aside[data-callout]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['div', mergeAttributes({ 'data-callout': '', class: 'callout' }, HTMLAttributes), 0];
  },

  addCommands() {
    return {
      setCallout:
        (attributes) =>
        ({ commands }) =>
          commands.wrapIn(this.name, attributes),
      toggleCallout:
        (attributes) =>
        ({ commands }) =>
          commands.toggleWrap(this.name, attributes),
      unsetCallout:
        () =>
        ({ commands }) =>
          commands.lift(this.name),
    };
  },
});
