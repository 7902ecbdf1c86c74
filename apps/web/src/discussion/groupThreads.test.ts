import type { CommentThreadBody } from '@lore/api';
import { describe, expect, it } from 'vitest';
import { groupThreads } from './groupThreads';

const person = { id: 'u1', displayName: 'Ada' };
const thread = (
  id: string,
  fields: { anchored?: boolean; resolvedAt?: string; createdAt?: string } = {},
): CommentThreadBody => ({
  id,
  pageId: 'p1',
  state: fields.resolvedAt ? 'resolved' : 'open',
  anchor: fields.anchored
    ? { from: 'a', to: 'b', quote: id, state: 'attached', currentQuote: id }
    : null,
  createdBy: person,
  createdAt: fields.createdAt ?? '2026-01-01T00:00:00.000Z',
  resolvedAt: fields.resolvedAt ?? null,
  resolvedBy: fields.resolvedAt ? person : null,
  canResolve: true,
  can: { reply: true, react: true, resolve: true },
  comments: [],
});

describe('groupThreads', () => {
  it('puts open text threads in page order, page threads apart and resolved ones last', () => {
    const threads = [
      thread('page', { createdAt: '2026-01-01T00:00:00.000Z' }),
      thread('late-text', { anchored: true, createdAt: '2026-01-01T00:00:00.000Z' }),
      thread('early-text', { anchored: true, createdAt: '2026-01-02T00:00:00.000Z' }),
      thread('gone-text', { anchored: true, createdAt: '2025-12-01T00:00:00.000Z' }),
      thread('old-done', { anchored: true, resolvedAt: '2026-01-03T00:00:00.000Z' }),
      thread('new-done', { resolvedAt: '2026-01-04T00:00:00.000Z' }),
    ];
    const at: Record<string, number | null> = { 'late-text': 40, 'early-text': 3 };
    const groups = groupThreads(threads, (t) => at[t.id] ?? null);
    expect(groups.open.map((t) => t.id)).toEqual(['early-text', 'late-text', 'gone-text']);
    expect(groups.pageLevel.map((t) => t.id)).toEqual(['page']);
    expect(groups.resolved.map((t) => t.id)).toEqual(['new-done', 'old-done']);
  });

  it('lists open text threads oldest first when their places are unknown', () => {
    const groups = groupThreads([
      thread('b', { anchored: true, createdAt: '2026-01-02T00:00:00.000Z' }),
      thread('a', { anchored: true, createdAt: '2026-01-01T00:00:00.000Z' }),
    ]);
    expect(groups.open.map((t) => t.id)).toEqual(['a', 'b']);
    expect(groupThreads([])).toEqual({ open: [], pageLevel: [], resolved: [] });
  });
});
