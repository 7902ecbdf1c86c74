import type { CommentBody, CommentThreadBody, Space } from '@lore/api';
import { useState } from 'react';
import { FormError } from '../components/FormError';
import { formatEditTime } from '../history/formatEditTime';
import { CommentHtml } from './CommentHtml';
import { Composer } from './Composer';
import { discussionApi } from './discussionApi';
import { ReactionBar } from './ReactionBar';

interface ThreadCardProps {
  readonly thread: CommentThreadBody;
  readonly pageId: string;
  readonly space: Space | null;
  readonly active: boolean;
  /** Shows the thread's text in the page (and marks the thread active). */
  onSelect(): void;
  /** Something changed here: load the threads again. */
  onChanged(): void;
}

const when = (iso: string) => formatEditTime(iso, new Date());

/** One thread in the sidebar: its quote, comments, reactions, a reply box and its actions. */
export function ThreadCard({
  thread,
  pageId,
  space,
  active,
  onSelect,
  onChanged,
}: ThreadCardProps) {
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const act = async (action: () => Promise<unknown>, failed: string) => {
    setError(null);
    try {
      await action();
      onChanged();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : failed);
    }
  };
  const onDeletedText = thread.anchor !== null && thread.anchor.state !== 'attached';
  const resolved = thread.state === 'resolved';

  const comment = (item: CommentBody, index: number) => (
    <li key={item.id} className="comment" aria-label={`Comment by ${item.author.displayName}`}>
      <div className="comment__meta">
        <span className="comment__author">{item.author.displayName}</span>{' '}
        <time dateTime={item.createdAt} title={new Date(item.createdAt).toLocaleString()}>
          {when(item.createdAt)}
        </time>
        {item.editedAt && <span className="muted"> (edited)</span>}
      </div>
      {item.deleted ? (
        <p className="comment__body muted">This comment was deleted.</p>
      ) : editing === item.id ? (
        <Composer
          pageId={pageId}
          space={space}
          label="Edit your comment"
          submitLabel="Save"
          initialText={item.body}
          autoFocus
          onCancel={() => setEditing(null)}
          onSubmit={async (body) => {
            await discussionApi.edit(thread.id, item.id, body);
            setEditing(null);
            onChanged();
          }}
        />
      ) : (
        <CommentHtml html={item.html} />
      )}
      {!item.deleted && (
        <ReactionBar
          reactions={item.reactions}
          target={index === 0 ? 'comment' : 'reply'}
          onToggle={
            thread.can.react
              ? (emoji) =>
                  act(
                    () => discussionApi.reactToComment(thread.id, item.id, emoji),
                    'The reaction could not be saved.',
                  )
              : undefined
          }
        />
      )}
      {(item.can.edit || item.can.delete) && editing !== item.id && (
        <div className="comment__actions">
          {item.can.edit && (
            <button type="button" className="link-button" onClick={() => setEditing(item.id)}>
              Edit
            </button>
          )}
          {item.can.delete && (
            <button
              type="button"
              className="link-button"
              onClick={() =>
                window.confirm('Delete this comment?') &&
                void act(
                  () => discussionApi.remove(thread.id, item.id),
                  'The comment could not be deleted.',
                )
              }
            >
              Delete
            </button>
          )}
        </div>
      )}
    </li>
  );

  return (
    <article
      className={`thread${active ? ' thread--active' : ''}${resolved ? ' thread--resolved' : ''}`}
      data-thread-id={thread.id}
      aria-label={`Thread by ${thread.createdBy.displayName}`}
    >
      {thread.anchor && (
        <button
          type="button"
          className="thread__quote"
          onClick={onSelect}
          aria-label={`Show the text in the page: ${thread.anchor.currentQuote ?? thread.anchor.quote}`}
        >
          <q>{thread.anchor.currentQuote ?? thread.anchor.quote}</q>
          {onDeletedText && <span className="badge thread__detached">on deleted text</span>}
        </button>
      )}
      {resolved && thread.resolvedBy && (
        <p className="thread__resolved muted">
          Resolved by {thread.resolvedBy.displayName}
          {thread.resolvedAt ? ` ${when(thread.resolvedAt)}` : ''}
        </p>
      )}
      <ol className="thread__comments">{thread.comments.map(comment)}</ol>
      <FormError message={error} />
      {thread.can.reply && !resolved && (
        <Composer
          pageId={pageId}
          space={space}
          label="Reply"
          submitLabel="Reply"
          onSubmit={async (body) => {
            await discussionApi.reply(thread.id, body);
            onChanged();
          }}
        />
      )}
      {thread.can.resolve && (
        <div className="thread__actions">
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() =>
              void act(
                () => discussionApi.setResolved(thread.id, !resolved),
                resolved
                  ? 'The thread could not be reopened.'
                  : 'The thread could not be resolved.',
              )
            }
          >
            {resolved ? 'Reopen' : 'Resolve'}
          </button>
        </div>
      )}
    </article>
  );
}
