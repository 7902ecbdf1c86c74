import { describe, expect, it } from 'vitest';
import { ValidationError } from '../DomainError';
import { checkTransferPath } from './checkTransferPath';

describe('checkTransferPath', () => {
  it('accepts relative paths inside the folder', () => {
    expect(checkTransferPath('a/b c/d.md')).toBe('a/b c/d.md');
  });

  it.each([
    ['../evil.md', 'leaves the folder'],
    ['a/../../b.md', 'leaves the folder'],
    ['/etc/passwd', 'absolute'],
    ['a\\b.md', 'backslash'],
    ['C:/x.md', 'drive letter'],
    ['a//b.md', 'empty'],
    ['./a.md', '"."'],
    ['a\u0000.md', 'control'],
  ])('refuses %j (%s)', (path, reason) => {
    expect(() => checkTransferPath(path)).toThrow(ValidationError);
    expect(() => checkTransferPath(path)).toThrow(reason);
  });
});
