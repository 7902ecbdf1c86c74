import { Extension } from '@tiptap/core';
import { type EditorState, Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { rangeOfAnchor } from './rangeOfAnchor';

/** A range to highlight: a thread's anchor, or the text a comment is being written about. */
export interface HighlightedAnchor {
  /** The thread's id; null for the draft of a new comment. */
  readonly threadId: string | null;
  readonly from: string;
  readonly to: string;
}

export interface CommentHighlightState {
  /** Open anchored threads; shown only while the schema has no `comment` mark that shows them. */
  readonly threads: readonly HighlightedAnchor[];
  readonly draft: HighlightedAnchor | null;
  /** The thread chosen in the sidebar. */
  readonly activeThreadId: string | null;
}

export const commentHighlightsKey = new PluginKey<CommentHighlightState>('commentHighlights');

const empty: CommentHighlightState = { threads: [], draft: null, activeThreadId: null };

function decorations(state: EditorState, highlights: CommentHighlightState): DecorationSet {
  const list: Decoration[] = [];
  // Once the page schema marks anchored text itself, the mark is the highlight.
  const marked = state.schema.marks.comment !== undefined;
  for (const anchor of marked ? [] : highlights.threads) {
    const range = rangeOfAnchor(state, anchor);
    if (!range || anchor.threadId === null) continue;
    const active = anchor.threadId === highlights.activeThreadId;
    list.push(
      Decoration.inline(range.from, range.to, {
        class: `comment-anchor${active ? ' comment-anchor--active' : ''}`,
        'data-thread-id': anchor.threadId,
      }),
    );
  }
  const draft = highlights.draft && rangeOfAnchor(state, highlights.draft);
  if (draft) list.push(Decoration.inline(draft.from, draft.to, { class: 'comment-draft-anchor' }));
  return DecorationSet.create(state.doc, list);
}

/**
 * Highlights of the discussion in the page text: the text a new comment is about while it is
 * written, and (until the page schema carries a `comment` mark) the anchors of open threads.
 * The page sets what to show with `setCommentHighlights`.
 */
export const CommentHighlights = Extension.create({
  name: 'commentHighlights',
  addProseMirrorPlugins() {
    return [
      new Plugin<CommentHighlightState>({
        key: commentHighlightsKey,
        state: {
          init: () => empty,
          apply: (tr, value) =>
            (tr.getMeta(commentHighlightsKey) as CommentHighlightState | undefined) ?? value,
        },
        props: {
          decorations(state) {
            return decorations(state, commentHighlightsKey.getState(state) ?? empty);
          },
        },
      }),
    ];
  },
});
