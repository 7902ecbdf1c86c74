/** Whether a thread still asks for attention. */
export const threadStates = ['open', 'resolved'] as const;
export type ThreadState = (typeof threadStates)[number];

/**
 * Where an anchored thread points in the page body: two Yjs relative positions (base64 of
 * `Y.encodeRelativePosition`) into the body's `XmlFragment`, and the text they enclosed when the
 * thread was opened. Relative positions follow the text through everyone's edits.
 */
export interface CommentAnchor {
  readonly from: string;
  readonly to: string;
  readonly quote: string;
}

/** A conversation on a page: about the whole page, or about an anchored range of its text. */
export interface CommentThread {
  readonly id: string;
  readonly pageId: string;
  /** null: about the whole page. */
  readonly anchor: CommentAnchor | null;
  /** Who opened it (the author of its first comment). */
  readonly createdBy: string;
  readonly createdAt: number;
  readonly resolvedAt: number | null;
  readonly resolvedBy: string | null;
}

export function threadStateOf(thread: Pick<CommentThread, 'resolvedAt'>): ThreadState {
  return thread.resolvedAt === null ? 'open' : 'resolved';
}
