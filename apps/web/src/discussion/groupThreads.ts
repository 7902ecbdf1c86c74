import type { CommentThreadBody } from '@lore/api';

/** A page's threads as the sidebar lists them. */
export interface GroupedThreads {
  /** Open threads about the text, in the order their anchors appear when known, else oldest first. */
  readonly open: CommentThreadBody[];
  /** Open threads about the whole page, oldest first. */
  readonly pageLevel: CommentThreadBody[];
  /** Resolved threads, most recently resolved first. */
  readonly resolved: CommentThreadBody[];
}

/**
 * Sorts threads into the sidebar's groups. `positionOf` says where an anchored thread's text
 * starts in the editor now (null when it is not there: those come after the others).
 */
export function groupThreads(
  threads: readonly CommentThreadBody[],
  positionOf: (thread: CommentThreadBody) => number | null = () => null,
): GroupedThreads {
  const open: { thread: CommentThreadBody; at: number }[] = [];
  const pageLevel: CommentThreadBody[] = [];
  const resolved: CommentThreadBody[] = [];
  for (const thread of threads) {
    if (thread.state === 'resolved') resolved.push(thread);
    else if (thread.anchor === null) pageLevel.push(thread);
    else open.push({ thread, at: positionOf(thread) ?? Number.POSITIVE_INFINITY });
  }
  const created = (a: CommentThreadBody, b: CommentThreadBody) =>
    a.createdAt.localeCompare(b.createdAt);
  open.sort((a, b) => a.at - b.at || created(a.thread, b.thread));
  pageLevel.sort(created);
  resolved.sort((a, b) => (b.resolvedAt ?? '').localeCompare(a.resolvedAt ?? ''));
  return { open: open.map((entry) => entry.thread), pageLevel, resolved };
}
