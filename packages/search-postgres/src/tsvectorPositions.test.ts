import { describe, expect, it } from 'vitest';
import { tsvectorPositions } from './tsvectorPositions';

describe('tsvectorPositions', () => {
  it('reads each lexeme with its positions, whatever their weight', () => {
    expect(tsvectorPositions("'off':12A,40A 'time':5 'zebra':3B,9C")).toEqual(
      new Map([
        ['off', new Set([12, 40])],
        ['time', new Set([5])],
        ['zebra', new Set([3, 9])],
      ]),
    );
  });

  it('unescapes quotes and backslashes, and keeps lexemes without positions', () => {
    expect(tsvectorPositions("'it''s':2A 'a\\\\b':4A 'bare'")).toEqual(
      new Map([
        ["it's", new Set([2])],
        ['a\\b', new Set([4])],
        ['bare', new Set()],
      ]),
    );
  });

  it('reads an empty tsvector as no lexemes', () => {
    expect(tsvectorPositions('')).toEqual(new Map());
  });
});
