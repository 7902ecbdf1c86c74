import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { mapIndexThroughDelta, type TextDeltaOp } from './mapIndexThroughDelta';
import { textChange } from './textChange';

function apply(text: string, change: ReturnType<typeof textChange>): string {
  if (!change) return text;
  return (
    text.slice(0, change.index) + change.insert + text.slice(change.index + change.deleteCount)
  );
}

describe('textChange', () => {
  it('finds a single inserted character', () => {
    expect(textChange('Roadmap', 'Road map')).toEqual({ index: 4, deleteCount: 0, insert: ' ' });
  });

  it('finds a deletion and a replacement', () => {
    expect(textChange('Q3 roadmap', 'Q3 map')).toEqual({ index: 3, deleteCount: 4, insert: '' });
    expect(textChange('Plan A', 'Plan B')).toEqual({ index: 5, deleteCount: 1, insert: 'B' });
  });

  it('returns null for equal strings', () => {
    expect(textChange('same', 'same')).toBeNull();
  });

  it('never splits a surrogate pair', () => {
    const change = textChange('Launch 😀', 'Launch 😁');
    expect(change).toEqual({ index: 7, deleteCount: 2, insert: '😁' });
  });

  it('produces changes that rebuild the target for many pairs', () => {
    const pairs = [
      ['', 'abc'],
      ['abc', ''],
      ['aaa', 'aa'],
      ['abcabc', 'abc'],
      ['héllo wörld', 'hello world'],
      ['🙂🙂', '🙂'],
    ] as const;
    for (const [before, after] of pairs)
      expect(apply(before, textChange(before, after))).toBe(after);
  });

  it('merges concurrent title edits made through minimal changes', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.getText('title').insert(0, 'Release plan');
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const edit = (doc: Y.Doc, next: string) => {
      const text = doc.getText('title');
      const change = textChange(text.toString(), next);
      if (!change) return;
      text.delete(change.index, change.deleteCount);
      text.insert(change.index, change.insert);
    };
    edit(a, 'Q3 Release plan');
    edit(b, 'Release plan (draft)');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(a.getText('title').toString()).toBe('Q3 Release plan (draft)');
    expect(b.getText('title').toString()).toBe('Q3 Release plan (draft)');
  });
});

describe('mapIndexThroughDelta', () => {
  const cases: [string, number, TextDeltaOp[], number][] = [
    ['insert before moves right', 5, [{ retain: 2 }, { insert: 'xyz' }], 8],
    ['insert after stays', 2, [{ retain: 4 }, { insert: 'xyz' }], 2],
    ['insert at the caret stays in front', 4, [{ retain: 4 }, { insert: 'xyz' }], 4],
    ['insert at the start', 3, [{ insert: 'ab' }], 5],
    ['delete before moves left', 6, [{ retain: 1 }, { delete: 2 }], 4],
    ['delete around pulls to the start', 5, [{ retain: 3 }, { delete: 5 }], 3],
    ['delete after stays', 2, [{ retain: 3 }, { delete: 5 }], 2],
    ['replace before', 6, [{ retain: 1 }, { delete: 2 }, { insert: 'abcd' }], 8],
  ];
  for (const [name, index, delta, expected] of cases) {
    it(name, () => expect(mapIndexThroughDelta(index, delta)).toBe(expected));
  }

  it('agrees with a real Yjs delta', () => {
    const doc = new Y.Doc();
    const text = doc.getText('title');
    text.insert(0, 'Hello world');
    let delta: TextDeltaOp[] = [];
    text.observe((event) => {
      delta = event.delta as TextDeltaOp[];
    });
    doc.transact(() => {
      text.delete(0, 5);
      text.insert(0, 'Goodbye, cruel');
    });
    // The caret was before "world" (index 6): it stays before "world".
    const mapped = mapIndexThroughDelta(6, delta);
    expect(text.toString().slice(mapped)).toBe('world');
  });
});
