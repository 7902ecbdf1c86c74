const digits = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const base = digits.length;

const digitAt = (key: string, index: number) => digits.indexOf(key[index] ?? '0');

/**
 * A position key strictly between `before` and `after` (either may be null for "no bound"), for
 * ordering siblings without renumbering them. Keys compare as plain strings (byte order), never
 * end in the smallest digit, and so there is always room for another key on either side.
 */
export function positionBetween(before: string | null, after: string | null): string {
  const low = before ?? '';
  if (after !== null && low >= after) {
    throw new RangeError(`No position between "${low}" and "${after}".`);
  }
  let upper = after;
  let key = '';
  for (let index = 0; ; index++) {
    const lowDigit = index < low.length ? digitAt(low, index) : 0;
    const highDigit = upper !== null && index < upper.length ? digitAt(upper, index) : base;
    if (lowDigit === highDigit) {
      key += digits[lowDigit];
      continue;
    }
    if (highDigit - lowDigit > 1) {
      return key + digits[Math.floor((lowDigit + highDigit) / 2)];
    }
    // Adjacent digits: keep the lower one; from here on the key only has to exceed `low`.
    key += digits[lowDigit];
    upper = null;
  }
}

/** `count` increasing keys after `before`, for inserting many siblings at once. */
export function positionsAfter(before: string | null, count: number): string[] {
  const keys: string[] = [];
  let previous = before;
  for (let i = 0; i < count; i++) {
    previous = positionBetween(previous, null);
    keys.push(previous);
  }
  return keys;
}
