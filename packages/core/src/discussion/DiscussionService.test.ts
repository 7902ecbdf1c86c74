import { describe, expect, it } from 'vitest';
import { MemoryAccessStore } from '../access/MemoryAccessStore';
import { pageLookups, testAccessPolicy, testSpace } from '../access/testAccessPolicy';
import type { StoredUser, User } from '../accounts/User';
import { NotFoundError, PermissionDeniedError, ValidationError } from '../DomainError';
import type { DomainEventType, StoredDomainEvent } from '../events/DomainEvent';
import { MemoryEventLog } from '../events/MemoryEventLog';
import type { Page } from '../pages/Page';
import { ManualClock } from '../revisions/ManualClock';
import type { AnchorResolver, AnchorState } from './AnchorResolver';
import { DiscussionService } from './DiscussionService';
import { InvalidAnchorError } from './InvalidAnchorError';
import { MemoryDiscussionStore } from './MemoryDiscussionStore';

const person = (id: string, role: User['role'] = 'member'): StoredUser => ({
  id,
  email: `${id}@example.com`,
  displayName: id.toUpperCase(),
  color: '#123456',
  role,
  createdAt: 0,
  passwordHash: '',
  disabledAt: null,
  deletedAt: null,
});

const page = (id: string, fields: Partial<Page> = {}): Page => ({
  id,
  shortId: `short${id}`.padEnd(10, 'x').slice(0, 10),
  spaceId: 'docs',
  parentId: null,
  position: 'V',
  title: id.toUpperCase(),
  icon: null,
  createdBy: 'ada',
  createdAt: 0,
  updatedBy: 'ada',
  updatedAt: 0,
  deletedAt: null,
  deletedBy: null,
  ...fields,
});

/**
 * Anchors as a document would place them: `from` names the state (`attached:<quote>`,
 * `detached`, anything else invalid), base64-encoded like real relative positions.
 */
const anchorResolver: AnchorResolver = {
  resolve: async (_pageId, anchors) =>
    anchors.map(({ from }): AnchorState => {
      const text = Buffer.from(from, 'base64').toString();
      if (text.startsWith('attached:')) return { state: 'attached', quote: text.slice(9) };
      return text === 'detached' ? { state: 'detached' } : { state: 'invalid' };
    }),
};
const b64 = (text: string) => Buffer.from(text).toString('base64');

/**
 * A private space `docs` with a page `guide` and a trashed page `old`: Sam edits, Cleo and Carl
 * comment, Eve reads, Max administers; Olga is not a member.
 */
function setup() {
  const people = new Map(
    ['sam', 'cleo', 'carl', 'eve', 'max', 'olga'].map((id) => [id, person(id)]),
  );
  const who = (id: string) => people.get(id) as StoredUser;
  const pages = new Map(
    [page('guide'), page('old', { deletedAt: 5, deletedBy: 'sam' })].map((p) => [p.id, p]),
  );
  const accessStore = new MemoryAccessStore();
  const { policy } = testAccessPolicy({
    pages: pageLookups(pages),
    spaces: [testSpace({ id: 'docs', visibility: 'private' })],
    store: accessStore,
  });
  for (const [id, role] of [
    ['sam', 'editor'],
    ['cleo', 'commenter'],
    ['carl', 'commenter'],
    ['eve', 'viewer'],
    ['max', 'admin'],
  ] as const) {
    accessStore.setSpaceGrant({ spaceId: 'docs', kind: 'user', principalId: id, role });
  }
  const store = new MemoryDiscussionStore();
  const events = new MemoryEventLog();
  const clock = new ManualClock(1_000);
  const service = new DiscussionService({
    store,
    pages: pageLookups(pages),
    policy,
    people: { findUserById: (id) => people.get(id) ?? null },
    anchors: anchorResolver,
    clock,
    events,
  });
  const eventsOf = <T extends DomainEventType>(type: T) =>
    events.readAfter(0, 1000).filter((e) => e.type === type) as StoredDomainEvent<T>[];
  return { service, store, events, eventsOf, clock, who, people };
}

describe('DiscussionService', () => {
  it('opens threads for people who may comment, and lists them for readers', async () => {
    const { service, who, eventsOf } = setup();
    const view = await service.createThread(who('cleo'), 'guide', {
      body: 'Should this say **weekly**? cc @[Sam](user:sam) and @[Sam again](user:sam)',
    });
    expect(view.state).toBe('open');
    expect(view.comments[0]?.comment.mentions).toEqual(['sam']);
    expect(view.comments[0]?.author).toEqual({ id: 'cleo', displayName: 'CLEO' });
    const [created] = eventsOf('comment.thread_created');
    expect(created).toMatchObject({
      pageId: 'guide',
      spaceId: 'docs',
      actorId: 'cleo',
      data: {
        threadId: view.thread.id,
        commentId: view.comments[0]?.comment.id,
        mentionedUserIds: ['sam'],
        anchored: false,
      },
    });
    const listed = await service.listThreads(who('eve'), 'guide', null);
    expect(listed.map((t) => t.thread.id)).toEqual([view.thread.id]);
    await expect(service.createThread(who('eve'), 'guide', { body: 'hi' })).rejects.toThrow(
      PermissionDeniedError,
    );
    await expect(service.createThread(who('olga'), 'guide', { body: 'hi' })).rejects.toThrow(
      NotFoundError,
    );
    await expect(service.listThreads(who('olga'), 'guide', null)).rejects.toThrow(NotFoundError);
    // Trashed pages take no new comments.
    await expect(service.createThread(who('sam'), 'old', { body: 'hi' })).rejects.toThrow(
      NotFoundError,
    );
  });

  it('refuses empty and oversize bodies and quotes, and anchors that do not resolve', async () => {
    const { service, who, store } = setup();
    for (const body of ['', '   \n ', 'x'.repeat(10_001)]) {
      await expect(service.createThread(who('cleo'), 'guide', { body })).rejects.toThrow(
        ValidationError,
      );
    }
    await expect(
      service.createThread(who('cleo'), 'guide', {
        body: 'hi',
        anchor: { from: b64('attached:x'), to: b64('x'), quote: 'q'.repeat(1_001) },
      }),
    ).rejects.toThrow(ValidationError);
    await expect(
      service.createThread(who('cleo'), 'guide', {
        body: 'hi',
        anchor: { from: 'not base64!', to: b64('x'), quote: 'q' },
      }),
    ).rejects.toMatchObject({ code: 'invalid_anchor' });
    await expect(
      service.createThread(who('cleo'), 'guide', {
        body: 'hi',
        anchor: { from: b64('garbage'), to: b64('x'), quote: 'q' },
      }),
    ).rejects.toMatchObject({ code: 'invalid_anchor' });
    await expect(
      service.createThread(who('cleo'), 'guide', {
        body: 'hi',
        anchor: { from: b64('detached'), to: b64('x'), quote: 'q' },
      }),
    ).rejects.toThrow(InvalidAnchorError);
    expect(store.listThreadsOfPage('guide', null)).toEqual([]);
    const anchored = await service.createThread(who('cleo'), 'guide', {
      body: 'About this',
      anchor: { from: b64('attached:the text'), to: b64('x'), quote: 'the text' },
    });
    expect(anchored.anchorState).toEqual({ state: 'attached', quote: 'the text' });
  });

  it('takes replies from commenters, one level deep', async () => {
    const { service, who, eventsOf } = setup();
    const { thread } = await service.createThread(who('cleo'), 'guide', { body: 'Question' });
    const reply = service.reply(who('carl'), thread.id, 'Answer for @[Cleo](user:cleo)');
    expect(reply.comment.threadId).toBe(thread.id);
    expect(eventsOf('comment.replied')[0]?.data).toEqual({
      threadId: thread.id,
      commentId: reply.comment.id,
      mentionedUserIds: ['cleo'],
    });
    expect(() => service.reply(who('eve'), thread.id, 'hi')).toThrow(PermissionDeniedError);
    expect(() => service.reply(who('olga'), thread.id, 'hi')).toThrow(NotFoundError);
    expect(() => service.reply(who('cleo'), 'unknown', 'hi')).toThrow(NotFoundError);
    const [view] = await service.listThreads(who('eve'), 'guide', 'open');
    expect(view?.comments.map((c) => c.comment.body)).toEqual([
      'Question',
      'Answer for @[Cleo](user:cleo)',
    ]);
  });

  it('lets people edit only their own comments, and tells only new mentions', async () => {
    const { service, who, eventsOf, clock } = setup();
    const { thread, comments } = await service.createThread(who('cleo'), 'guide', {
      body: 'cc @[Sam](user:sam)',
    });
    const id = comments[0]?.comment.id as string;
    await clock.advance(10);
    const edited = service.editComment(
      who('cleo'),
      thread.id,
      id,
      'cc @[Sam](user:sam) @[Eve](user:eve)',
    );
    expect(edited.comment.editedAt).toBe(1_010);
    expect(edited.comment.mentions).toEqual(['sam', 'eve']);
    expect(eventsOf('comment.edited')[0]?.data.mentionedUserIds).toEqual(['eve']);
    for (const other of ['sam', 'max', 'carl']) {
      expect(() => service.editComment(who(other), thread.id, id, 'mine now')).toThrow(
        PermissionDeniedError,
      );
    }
    expect(() => service.editComment(who('cleo'), thread.id, 'unknown', 'x')).toThrow(
      NotFoundError,
    );
    expect(() => service.editComment(who('cleo'), thread.id, id, ' ')).toThrow(ValidationError);
  });

  it('deletes comments: placeholders for first comments with replies, threads with their last one', async () => {
    const { service, who, store, eventsOf } = setup();
    const lone = await service.createThread(who('cleo'), 'guide', { body: 'Alone' });
    expect(
      service.deleteComment(who('cleo'), lone.thread.id, lone.comments[0]?.comment.id as string),
    ).toEqual({ threadDeleted: true });
    expect(store.findThread(lone.thread.id)).toBeNull();

    const busy = await service.createThread(who('cleo'), 'guide', { body: 'First' });
    const firstId = busy.comments[0]?.comment.id as string;
    const reply = service.reply(who('carl'), busy.thread.id, 'Reply');
    expect(() => service.deleteComment(who('carl'), busy.thread.id, firstId)).toThrow(
      PermissionDeniedError,
    );
    expect(() => service.deleteComment(who('sam'), busy.thread.id, firstId)).toThrow(
      PermissionDeniedError,
    );
    expect(service.deleteComment(who('cleo'), busy.thread.id, firstId)).toEqual({
      threadDeleted: false,
    });
    const [view] = await service.listThreads(who('eve'), 'guide', null);
    expect(view?.comments.map((c) => [c.comment.body, c.comment.deletedAt !== null])).toEqual([
      ['', true],
      ['Reply', false],
    ]);
    // A space admin moderates; the last real comment takes the placeholder and thread with it.
    expect(service.deleteComment(who('max'), busy.thread.id, reply.comment.id)).toEqual({
      threadDeleted: true,
    });
    expect(store.findThread(busy.thread.id)).toBeNull();
    expect(eventsOf('comment.deleted').map((e) => e.data.threadDeleted)).toEqual([
      true,
      false,
      true,
    ]);
  });

  it('resolves and reopens: the author, or anyone who may edit; commenters only their own', async () => {
    const { service, who, eventsOf } = setup();
    const cleos = await service.createThread(who('cleo'), 'guide', { body: 'Mine' });
    const sams = await service.createThread(who('sam'), 'guide', { body: 'Sam’s' });
    expect(() => service.setResolved(who('carl'), cleos.thread.id, true)).toThrow(
      PermissionDeniedError,
    );
    expect(() => service.setResolved(who('cleo'), sams.thread.id, true)).toThrow(
      PermissionDeniedError,
    );
    expect(() => service.setResolved(who('eve'), cleos.thread.id, true)).toThrow(
      PermissionDeniedError,
    );
    expect(() => service.setResolved(who('olga'), cleos.thread.id, true)).toThrow(NotFoundError);
    expect(service.setResolved(who('cleo'), cleos.thread.id, true)).toBe('resolved');
    expect(service.setResolved(who('cleo'), cleos.thread.id, true)).toBe('resolved');
    expect(service.setResolved(who('sam'), cleos.thread.id, false)).toBe('open');
    expect(service.setResolved(who('max'), sams.thread.id, true)).toBe('resolved');
    expect(eventsOf('comment.thread_resolved').length).toBe(2);
    expect(eventsOf('comment.thread_reopened').length).toBe(1);
    expect(
      (await service.listThreads(who('eve'), 'guide', 'resolved')).map((t) => t.thread.id),
    ).toEqual([sams.thread.id]);
    const [cleoView] = await service.listThreads(who('cleo'), 'guide', 'open');
    expect(cleoView?.canResolve).toBe(true);
    const [carlView] = await service.listThreads(who('carl'), 'guide', 'open');
    expect(carlView?.canResolve).toBe(false);
  });

  it('says what the person asking may do with each thread and comment', async () => {
    const { service, who } = setup();
    const { thread } = await service.createThread(who('cleo'), 'guide', { body: 'Mine' });
    service.reply(who('sam'), thread.id, 'Sam’s reply');
    const may = async (id: string) => {
      const [view] = await service.listThreads(who(id), 'guide', null);
      return {
        comment: view?.canComment,
        resolve: view?.canResolve,
        comments: view?.comments.map((c) => [c.canEdit, c.canDelete]),
      };
    };
    expect(await may('cleo')).toEqual({
      comment: true,
      resolve: true,
      comments: [
        [true, true],
        [false, false],
      ],
    });
    expect(await may('carl')).toEqual({
      comment: true,
      resolve: false,
      comments: [
        [false, false],
        [false, false],
      ],
    });
    expect(await may('eve')).toEqual({
      comment: false,
      resolve: false,
      comments: [
        [false, false],
        [false, false],
      ],
    });
    expect(await may('max')).toEqual({
      comment: true,
      resolve: true,
      comments: [
        [false, true],
        [false, true],
      ],
    });
  });

  it('toggles reactions on comments and pages, one per person and emoji', async () => {
    const { service, who, eventsOf } = setup();
    const { thread, comments } = await service.createThread(who('cleo'), 'guide', { body: 'Hi' });
    const id = comments[0]?.comment.id as string;
    expect(service.toggleCommentReaction(who('carl'), thread.id, id, '👍')).toMatchObject({
      added: true,
      reactions: [{ emoji: '👍', count: 1, mine: true }],
    });
    expect(service.toggleCommentReaction(who('sam'), thread.id, id, '👍').reactions).toEqual([
      {
        emoji: '👍',
        count: 2,
        people: [
          { id: 'carl', displayName: 'CARL' },
          { id: 'sam', displayName: 'SAM' },
        ],
        mine: true,
      },
    ]);
    expect(service.toggleCommentReaction(who('carl'), thread.id, id, '👍')).toMatchObject({
      added: false,
      reactions: [{ emoji: '👍', count: 1, mine: false }],
    });
    expect(() => service.toggleCommentReaction(who('eve'), thread.id, id, '👍')).toThrow(
      PermissionDeniedError,
    );
    expect(() => service.toggleCommentReaction(who('carl'), thread.id, id, '🦄')).toThrow(
      ValidationError,
    );
    expect(() => service.toggleCommentReaction(who('carl'), thread.id, id, '👍👍')).toThrow(
      ValidationError,
    );
    expect(service.togglePageReaction(who('carl'), 'guide', '❤').reactions[0]?.emoji).toBe('❤️');
    expect(service.pageReactions(who('eve'), 'guide')).toMatchObject([{ emoji: '❤️', count: 1 }]);
    expect(() => service.togglePageReaction(who('eve'), 'guide', '👍')).toThrow(
      PermissionDeniedError,
    );
    expect(() => service.pageReactions(who('olga'), 'guide')).toThrow(NotFoundError);
    expect(eventsOf('reaction.added').map((e) => e.data)).toEqual([
      { emoji: '👍', commentId: id, threadId: thread.id },
      { emoji: '👍', commentId: id, threadId: thread.id },
      { emoji: '❤️', commentId: null, threadId: null },
    ]);
    expect(eventsOf('reaction.removed').length).toBe(1);
  });
});
