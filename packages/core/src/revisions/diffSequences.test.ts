import { describe, expect, it } from 'vitest';
import { type DiffRun, diffSequences } from './diffSequences';

/** Rebuilds `to` from `from` and the runs, checking that runs cover both sides in order. */
function replay<T>(from: readonly T[], to: readonly T[], runs: readonly DiffRun[]): T[] {
  const out: T[] = [];
  let fromAt = 0;
  let toAt = 0;
  for (const run of runs) {
    if (run.kind === 'equal') {
      expect(run.fromIndex).toBe(fromAt);
      expect(run.toIndex).toBe(toAt);
      out.push(...from.slice(run.fromIndex, run.fromIndex + run.length));
      fromAt += run.length;
      toAt += run.length;
    } else if (run.kind === 'delete') {
      expect(run.fromIndex).toBe(fromAt);
      fromAt += run.length;
    } else {
      expect(run.toIndex).toBe(toAt);
      out.push(...to.slice(run.toIndex, run.toIndex + run.length));
      toAt += run.length;
    }
  }
  expect(fromAt).toBe(from.length);
  expect(toAt).toBe(to.length);
  return out;
}

const edits = (runs: readonly DiffRun[]) =>
  runs.filter((run) => run.kind !== 'equal').reduce((sum, run) => sum + run.length, 0);

/** Textbook LCS length, to check that the script is a shortest one. */
function lcsLength(a: readonly string[], b: readonly string[]): number {
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = table[i] as number[];
      row[j] =
        a[i - 1] === b[j - 1]
          ? ((table[i - 1] as number[])[j - 1] as number) + 1
          : Math.max((table[i - 1] as number[])[j] as number, row[j - 1] as number);
    }
  }
  return (table[a.length] as number[])[b.length] as number;
}

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

describe('diffSequences', () => {
  it('describes a known pair as keep, delete, insert runs', () => {
    const from = 'the quick brown fox'.split(' ');
    const to = 'the slow brown fox jumps'.split(' ');
    expect(diffSequences(from, to)).toEqual([
      { kind: 'equal', fromIndex: 0, toIndex: 0, length: 1 },
      { kind: 'delete', fromIndex: 1, length: 1 },
      { kind: 'insert', toIndex: 1, length: 1 },
      { kind: 'equal', fromIndex: 2, toIndex: 2, length: 2 },
      { kind: 'insert', toIndex: 4, length: 1 },
    ]);
    expect(diffSequences([], ['a'])).toEqual([{ kind: 'insert', toIndex: 0, length: 1 }]);
    expect(diffSequences(['a'], [])).toEqual([{ kind: 'delete', fromIndex: 0, length: 1 }]);
    expect(diffSequences(['a', 'b'], ['a', 'b'])).toEqual([
      { kind: 'equal', fromIndex: 0, toIndex: 0, length: 2 },
    ]);
  });

  it('finds a shortest script for random pairs and replays to the target', () => {
    const next = random(42);
    for (let round = 0; round < 300; round++) {
      const alphabet = 'abcd'.slice(0, 1 + Math.floor(next() * 4));
      const pick = (length: number) =>
        Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)] as string);
      const from = pick(Math.floor(next() * 20));
      const to = pick(Math.floor(next() * 20));
      const runs = diffSequences(from, to);
      expect(replay(from, to, runs)).toEqual(to);
      expect(edits(runs)).toBe(from.length + to.length - 2 * lcsLength(from, to));
    }
  });

  it('replaces the middle wholesale past the work bound, still correctly', () => {
    const from = Array.from({ length: 50 }, (_, index) => `a${index}`);
    const to = ['start', ...Array.from({ length: 50 }, (_, index) => `b${index}`), 'end'];
    const runs = diffSequences(['same', ...from, 'tail'], ['same', ...to, 'tail'], {
      maxEdits: 10,
    });
    expect(replay(['same', ...from, 'tail'], ['same', ...to, 'tail'], runs)).toEqual([
      'same',
      ...to,
      'tail',
    ]);
    expect(runs[0]).toEqual({ kind: 'equal', fromIndex: 0, toIndex: 0, length: 1 });
    expect(runs.at(-1)).toEqual({ kind: 'equal', fromIndex: 51, toIndex: 53, length: 1 });
  });

  it('uses the given equality', () => {
    const runs = diffSequences(['A', 'b'], ['a', 'B'], {
      equals: (x, y) => x.toLowerCase() === y.toLowerCase(),
    });
    expect(runs).toEqual([{ kind: 'equal', fromIndex: 0, toIndex: 0, length: 2 }]);
  });
});
