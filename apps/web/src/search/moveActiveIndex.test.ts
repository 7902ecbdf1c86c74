import { describe, expect, it } from 'vitest';
import { moveActiveIndex } from './moveActiveIndex';

describe('moveActiveIndex', () => {
  it('starts at the first option going down and the last going up', () => {
    expect(moveActiveIndex(-1, 'ArrowDown', 3)).toBe(0);
    expect(moveActiveIndex(-1, 'ArrowUp', 3)).toBe(2);
  });

  it('steps and wraps around', () => {
    expect(moveActiveIndex(0, 'ArrowDown', 3)).toBe(1);
    expect(moveActiveIndex(2, 'ArrowDown', 3)).toBe(0);
    expect(moveActiveIndex(1, 'ArrowUp', 3)).toBe(0);
    expect(moveActiveIndex(0, 'ArrowUp', 3)).toBe(2);
  });

  it('jumps to the ends with PageUp and PageDown', () => {
    expect(moveActiveIndex(1, 'PageDown', 5)).toBe(4);
    expect(moveActiveIndex(3, 'PageUp', 5)).toBe(0);
  });

  it('recovers when the list shrank under the active option', () => {
    expect(moveActiveIndex(7, 'ArrowDown', 3)).toBe(0);
    expect(moveActiveIndex(7, 'ArrowUp', 3)).toBe(2);
  });

  it('handles empty lists and leaves other keys alone', () => {
    expect(moveActiveIndex(0, 'ArrowDown', 0)).toBe(-1);
    expect(moveActiveIndex(0, 'Enter', 0)).toBeNull();
    expect(moveActiveIndex(1, 'ArrowLeft', 3)).toBeNull();
    expect(moveActiveIndex(1, 'Home', 3)).toBeNull();
  });
});
