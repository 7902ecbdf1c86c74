import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './passwordHash';

const fast = { N: 2 ** 10, r: 8, p: 1 };

describe('password hashing', () => {
  it('verifies the right password and rejects others', async () => {
    const hash = await hashPassword('correct horse battery', fast);
    expect(hash).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('correct horse batterY', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same', fast)).not.toBe(await hashPassword('same', fast));
  });

  it('treats Unicode-equivalent passwords as the same password', async () => {
    const hash = await hashPassword('caf\u00e9 au lait', fast);
    expect(await verifyPassword('cafe\u0301 au lait', hash)).toBe(true);
  });

  it('never matches a malformed stored hash', async () => {
    for (const stored of [
      '',
      'plain',
      'scrypt$0$8$1$aa$bb',
      'bcrypt$1$2$3$4$5',
      'scrypt$1024$8$1$$',
    ]) {
      expect(await verifyPassword('anything', stored)).toBe(false);
    }
  });
});
