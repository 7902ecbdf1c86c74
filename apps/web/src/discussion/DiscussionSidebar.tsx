import type { CommentThreadBody, Space } from '@lore/api';
import { CloseIcon } from '../components/CloseIcon';
import type { SelectionAnchor } from './anchorOfSelection';
import { Composer } from './Composer';
import { discussionApi } from './discussionApi';
import './discussion.css';
import { groupThreads } from './groupThreads';
import { ThreadCard } from './ThreadCard';
import type { Discussion } from './useDiscussion';

interface DiscussionSidebarProps {
  readonly pageId: string;
  readonly space: Space | null;
  readonly discussion: Discussion;
  /** Whether the person may comment (the commenter role or more). */
  readonly canComment: boolean;
  /** The text a new comment is being written about, or null. */
  readonly draft: SelectionAnchor | null;
  onDraftDone(thread: CommentThreadBody | null): void;
  readonly activeThreadId: string | null;
  onSelectThread(thread: CommentThreadBody): void;
  /** Where an anchored thread's text starts in the editor now, to list threads in page order. */
  positionOf(thread: CommentThreadBody): number | null;
  onClose(): void;
}

/** The page's discussion beside the text: open threads, resolved ones, and page comments. */
export function DiscussionSidebar({
  pageId,
  space,
  discussion,
  canComment,
  draft,
  onDraftDone,
  activeThreadId,
  onSelectThread,
  positionOf,
  onClose,
}: DiscussionSidebarProps) {
  const { threads } = discussion;
  const groups = groupThreads(threads.data?.threads ?? [], positionOf);
  const resolvedChosen = groups.resolved.some((thread) => thread.id === activeThreadId);
  const card = (thread: CommentThreadBody) => (
    <li key={thread.id}>
      <ThreadCard
        thread={thread}
        pageId={pageId}
        space={space}
        active={thread.id === activeThreadId}
        onSelect={() => onSelectThread(thread)}
        onChanged={discussion.refresh}
      />
    </li>
  );
  const nothing =
    threads.data !== null &&
    groups.open.length + groups.pageLevel.length + groups.resolved.length === 0;

  return (
    <aside
      className="discussion"
      aria-label="Comments"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.defaultPrevented && draft === null) onClose();
      }}
    >
      <header className="discussion__header">
        <h2 className="discussion__title">Comments</h2>
        <button
          type="button"
          className="icon-button"
          aria-label="Close comments"
          title="Close comments"
          onClick={onClose}
        >
          <CloseIcon />
        </button>
      </header>
      {draft && (
        <section className="discussion__draft" aria-label="New comment">
          <q className="thread__quote thread__quote--static">{draft.quote}</q>
          <Composer
            pageId={pageId}
            space={space}
            label="Comment"
            submitLabel="Comment"
            autoFocus
            onCancel={() => onDraftDone(null)}
            onSubmit={async (body) => {
              const { thread } = await discussionApi.open(pageId, { body, anchor: draft });
              onDraftDone(thread);
              discussion.refresh();
            }}
          />
        </section>
      )}
      {threads.error && (
        <p className="discussion__error" role="alert">
          {threads.error.message}{' '}
          <button type="button" className="link-button" onClick={threads.reload}>
            Try again
          </button>
        </p>
      )}
      {threads.data === null && !threads.error && <p className="muted">Loading comments…</p>}
      {nothing && !draft && (
        <p className="discussion__empty">
          No comments yet{canComment ? ' — select text to comment' : ''}.
        </p>
      )}
      {groups.open.length > 0 && (
        <section aria-labelledby="discussion-open">
          <h3 id="discussion-open" className="discussion__group">
            Open <span className="muted">({groups.open.length})</span>
          </h3>
          <ul className="discussion__threads">{groups.open.map(card)}</ul>
        </section>
      )}
      {groups.resolved.length > 0 && (
        // Folded, unless the chosen thread (e.g. from a link to it) is among them.
        <details
          className="discussion__resolved"
          key={resolvedChosen ? 'chosen' : 'folded'}
          open={resolvedChosen}
        >
          <summary className="discussion__group">
            Resolved <span className="muted">({groups.resolved.length})</span>
          </summary>
          <ul className="discussion__threads">{groups.resolved.map(card)}</ul>
        </details>
      )}
      <section aria-labelledby="discussion-page" className="discussion__page">
        <h3 id="discussion-page" className="discussion__group">
          About the whole page
        </h3>
        {groups.pageLevel.length > 0 && (
          <ul className="discussion__threads">{groups.pageLevel.map(card)}</ul>
        )}
        {canComment && (
          <Composer
            pageId={pageId}
            space={space}
            label="Comment on the page"
            submitLabel="Comment"
            onSubmit={async (body) => {
              await discussionApi.open(pageId, { body });
              discussion.refresh();
            }}
          />
        )}
      </section>
    </aside>
  );
}
