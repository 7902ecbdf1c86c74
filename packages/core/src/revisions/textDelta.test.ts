import { describe, expect, it } from 'vitest';
import { applyTextDelta, createTextDelta } from './textDelta';

const lines = (count: number, tag = '') =>
  Array.from({ length: count }, (_, index) => `{"type":"paragraph","text":"line ${index}${tag}"}`);

describe('text deltas', () => {
  it('copies unchanged lines and inserts only what changed within a line', () => {
    const base = ['"Title"', ...lines(200)].join('\n');
    const target = base.replace('line 100"', 'line 100, now longer"');
    const ops = createTextDelta(base, target);
    expect(applyTextDelta(base, ops)).toBe(target);
    expect(ops.filter((op) => typeof op === 'string')).toEqual([', now longer']);
    expect(ops).toHaveLength(3);
  });

  it('round-trips additions, removals, reorders and edge cases', () => {
    const base = lines(50).join('\n');
    const cases = [
      '',
      base,
      `${base}\n${lines(3, ' appended').join('\n')}`,
      lines(50).slice(10).join('\n'),
      [...lines(50).slice(25), ...lines(50).slice(0, 25)].join('\n'),
      base.replaceAll('line 1', 'LINE ONE'),
      `${base}\n`,
      'completely different\ntext',
    ];
    for (const target of cases) {
      expect(applyTextDelta(base, createTextDelta(base, target))).toBe(target);
      expect(applyTextDelta(target, createTextDelta(target, base))).toBe(base);
    }
    expect(createTextDelta('', 'abc')).toEqual(['abc']);
    expect(createTextDelta('abc', 'abc')).toEqual([[0, 3]]);
  });
});
