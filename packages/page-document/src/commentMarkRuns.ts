import { markNameOf } from '@lore/schema';
import type * as Y from 'yjs';

/** A run of text carrying a thread's comment mark, under one formatting key. */
export interface CommentMarkRun {
  readonly text: Y.XmlText;
  readonly index: number;
  readonly length: number;
  readonly key: string;
}

/** Where the comment marks of `threadId` sit in these runs of text. */
export function commentMarkRuns(texts: readonly Y.XmlText[], threadId: string): CommentMarkRun[] {
  const runs: CommentMarkRun[] = [];
  for (const text of texts) {
    let index = 0;
    for (const op of text.toDelta() as {
      insert: unknown;
      attributes?: Record<string, unknown>;
    }[]) {
      const length = typeof op.insert === 'string' ? op.insert.length : 1;
      for (const [key, value] of Object.entries(op.attributes ?? {})) {
        if (
          markNameOf(key) === 'comment' &&
          (value as { threadId?: unknown } | null)?.threadId === threadId
        ) {
          runs.push({ text, index, length, key });
        }
      }
      index += length;
    }
  }
  return runs;
}
