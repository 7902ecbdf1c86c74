import { describe, expect, it } from 'vitest';
import { readFrontMatter } from '../readFrontMatter';
import { scanFrontMatter } from './scanFrontMatter';
import { skipFrontMatter } from './skipFrontMatter';

describe('front matter', () => {
  const found: [string, string, 'yaml' | 'toml', string, string][] = [
    ['YAML, LF', '---\ntitle: A\n---\nBody', 'yaml', 'title: A', '\nBody'],
    [
      'YAML, CRLF',
      '---\r\ntitle: A\r\ntags: [b]\r\n---\r\nBody',
      'yaml',
      'title: A\r\ntags: [b]',
      '\r\nBody',
    ],
    ['YAML, lone CR', '---\rtitle: A\r---\rBody', 'yaml', 'title: A', '\rBody'],
    ['after a byte order mark', '\ufeff---\ntitle: A\n---\nBody', 'yaml', 'title: A', '\nBody'],
    ['TOML', '+++\ntitle = "A"\n+++\nBody', 'toml', 'title = "A"', '\nBody'],
    [
      'spaces and tabs after the fences',
      '--- \t\ntitle: A\n---  \nBody',
      'yaml',
      'title: A',
      '\nBody',
    ],
    ['empty', '---\n---\nBody', 'yaml', '', '\nBody'],
    ['a blank line inside', '---\n\n---\nBody', 'yaml', '', '\nBody'],
    ['closing fence at the very end', '---\ntitle: A\n---', 'yaml', 'title: A', ''],
    ['the first closing fence ends it', '---\na: 1\n---\n---\nBody', 'yaml', 'a: 1', '\n---\nBody'],
  ];
  for (const [name, markdown, format, raw, rest] of found) {
    it(`finds it: ${name}`, () => {
      expect(scanFrontMatter(markdown)).toMatchObject({ format, raw });
      expect(readFrontMatter(markdown)).toEqual({ format, raw });
      expect(skipFrontMatter(markdown)).toBe(rest);
    });
  }

  const none: [string, string][] = [
    ['no fence', 'Title\n---\n'],
    ['never closed', '---\ntitle: A\nBody'],
    ['a fence alone', '---'],
    ['four dashes are a rule, not a fence', '----\ntitle: A\n----\nBody'],
    ['text after the opening fence', '--- title\nA\n---\n'],
    ['text after the closing fence', '---\nA\n--- x\n'],
    ['mixed fences', '---\nA\n+++\n'],
    ['not on the first line', '\n---\nA\n---\n'],
  ];
  for (const [name, markdown] of none) {
    it(`finds none: ${name}`, () => {
      expect(scanFrontMatter(markdown)).toBeNull();
      expect(readFrontMatter(markdown)).toBeNull();
      expect(skipFrontMatter(markdown)).toBe(markdown);
    });
  }

  it('drops a byte order mark even without front matter', () => {
    expect(skipFrontMatter('\ufeffBody')).toBe('Body');
  });
});
