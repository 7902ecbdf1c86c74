import { describe, expect, it } from 'vitest';
import { isPageIcon } from './pageIcon';

describe('isPageIcon', () => {
  it('accepts one emoji, including modifiers, joined sequences, flags and keycaps', () => {
    for (const icon of ['📘', '🚀', '👍🏽', '👩‍💻', '👨‍👩‍👧‍👦', '🇫🇷', '1️⃣', '❤️', '🏴󠁧󠁢󠁳󠁣󠁴󠁿']) {
      expect(isPageIcon(icon), icon).toBe(true);
    }
  });

  it('refuses text, several emoji, bare digits and empty strings', () => {
    for (const icon of ['', 'a', 'ab', '1', '#', '📘📘', '📘 ', '<b>', '🇫', `x${'\u200d'}`]) {
      expect(isPageIcon(icon), icon).toBe(false);
    }
  });
});
