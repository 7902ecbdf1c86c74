import type {
  DiscussionStore,
  EventConsumer,
  NotificationService,
  PageStore,
  WatchService,
  WatchStore,
} from '@lore/core';

export interface CommentNotificationsConsumerOptions {
  readonly discussion: Pick<DiscussionStore, 'findThread' | 'listCommentsOfThreads'>;
  readonly watches: Pick<WatchStore, 'listPageWatchers'>;
  readonly watching: Pick<WatchService, 'autoWatch'>;
  readonly pages: Pick<PageStore, 'findPageById'>;
  readonly notifications: Pick<NotificationService, 'notify'>;
}

/**
 * Turns discussion into notifications, one kind per person and event, most specific first: the
 * people a comment mentions hear `mentioned`; the others who took part in the thread hear
 * `thread_reply`; the page's creator and watchers hear `page_comment` of a new thread; a thread's
 * author hears `thread_resolved`. Commenting makes the commenter watch the page (when their
 * settings allow). The actor is never told of their own action, and `notify` checks each
 * recipient's access to the page; the event's number makes every notification once only. Each
 * `notify` is awaited, so the event counts as handled only once every recipient's chunk is
 * written: a crash part way delivers the event again and the dedupe key completes the rest.
 */
export function commentNotificationsConsumer(
  options: CommentNotificationsConsumerOptions,
): EventConsumer {
  const participantsOf = (threadId: string): string[] => {
    const thread = options.discussion.findThread(threadId);
    const authors = options.discussion
      .listCommentsOfThreads([threadId])
      .filter((comment) => comment.deletedAt === null)
      .map((comment) => comment.authorId);
    return [...new Set([...(thread ? [thread.createdBy] : []), ...authors])];
  };
  return {
    name: 'notifications-comments',
    types: [
      'comment.thread_created',
      'comment.replied',
      'comment.edited',
      'comment.thread_resolved',
    ],
    handle: async (event) => {
      const pageId = event.pageId;
      if (pageId === null) return;
      const base = { pageId, actorId: event.actorId, at: event.at };
      if (event.type === 'comment.thread_resolved') {
        const thread = options.discussion.findThread(event.data.threadId);
        if (!thread) return;
        await options.notifications.notify({
          ...base,
          kind: 'thread_resolved',
          threadId: thread.id,
          dedupeKey: `thread_resolved:${event.seq}`,
          recipients: [thread.createdBy],
        });
        return;
      }
      if (
        event.type !== 'comment.thread_created' &&
        event.type !== 'comment.replied' &&
        event.type !== 'comment.edited'
      ) {
        return;
      }
      const { threadId, commentId, mentionedUserIds } = event.data;
      const about = { ...base, threadId, commentId };
      const mentioned = new Set(mentionedUserIds);
      if (mentioned.size > 0) {
        await options.notifications.notify({
          ...about,
          kind: 'mentioned',
          dedupeKey: `mentioned:${event.seq}`,
          recipients: [...mentioned],
        });
      }
      if (event.type === 'comment.edited') return;
      if (event.actorId !== null) options.watching.autoWatch([event.actorId], pageId, event.at);
      if (event.type === 'comment.replied') {
        await options.notifications.notify({
          ...about,
          kind: 'thread_reply',
          dedupeKey: `thread_reply:${event.seq}`,
          recipients: participantsOf(threadId).filter((userId) => !mentioned.has(userId)),
        });
        return;
      }
      const page = options.pages.findPageById(pageId);
      if (!page) return;
      const watchers = options.watches
        .listPageWatchers(pageId, page.spaceId)
        .map((watcher) => watcher.userId);
      await options.notifications.notify({
        ...about,
        kind: 'page_comment',
        dedupeKey: `page_comment:${event.seq}`,
        recipients: [...new Set([page.createdBy, ...watchers])].filter(
          (userId) => !mentioned.has(userId),
        ),
      });
    },
  };
}
