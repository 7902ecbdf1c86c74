import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../revisions/ManualClock';
import { UnsubscribeTokens } from './UnsubscribeTokens';

const day = 86_400_000;

function tokens(key = randomBytes(32)) {
  const clock = new ManualClock(Date.UTC(2026, 0, 1));
  return { clock, key, tokens: new UnsubscribeTokens({ key, clock, maxAgeMs: 30 * day }) };
}

/** The token with one character of its payload or MAC changed. */
function flip(token: string, at: number): string {
  const char = token[at] === 'A' ? 'B' : 'A';
  return `${token.slice(0, at)}${char}${token.slice(at + 1)}`;
}

describe('UnsubscribeTokens', () => {
  it('says whose notifications of which kind a token stops, and since when', async () => {
    const { tokens: book, clock } = tokens();
    const token = book.issue('u-ada', 'mention');
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    await clock.advance(day);
    expect(book.verify(token)).toEqual({
      valid: true,
      userId: 'u-ada',
      scope: 'mention',
      issuedAt: Date.UTC(2026, 0, 1),
    });
    expect(book.verify(book.issue('u-bob', 'all'))).toMatchObject({
      userId: 'u-bob',
      scope: 'all',
    });
  });

  it('refuses a token whose payload or signature was changed', () => {
    const { tokens: book } = tokens();
    const token = book.issue('u-ada', 'all');
    const dot = token.indexOf('.');
    for (const at of [0, 5, dot - 1, dot + 1, token.length - 2]) {
      expect(book.verify(flip(token, at)).valid).toBe(false);
    }
    // Someone else's id under Ada's signature.
    const forged = `${Buffer.from(JSON.stringify(['u-eve', 'all', 1767225600])).toString('base64url')}${token.slice(dot)}`;
    expect(book.verify(forged)).toEqual({ valid: false, reason: 'forged' });
  });

  it('refuses tokens signed with another key', () => {
    const ours = tokens();
    const theirs = tokens();
    expect(ours.tokens.verify(theirs.tokens.issue('u-ada', 'all'))).toEqual({
      valid: false,
      reason: 'forged',
    });
  });

  it('refuses a token older than its lifetime', async () => {
    const { tokens: book, clock } = tokens();
    const token = book.issue('u-ada', 'comment');
    await clock.advance(30 * day);
    expect(book.verify(token).valid).toBe(true);
    await clock.advance(1000);
    expect(book.verify(token)).toEqual({ valid: false, reason: 'expired' });
  });

  it('calls anything that is not a token malformed, without throwing', () => {
    const { tokens: book } = tokens();
    for (const junk of ['', '.', 'abc', 'a.b.c', 'a b.c', '%00.x', 'x'.repeat(600), '.abc']) {
      expect(book.verify(junk)).toEqual({ valid: false, reason: 'malformed' });
    }
  });

  it('refuses scopes and ids that cannot go into a token, and keys that are too short', () => {
    const { tokens: book, clock } = tokens();
    expect(() => book.issue('u-ada', 'All')).toThrow(/scope/);
    expect(() => book.issue('u-ada', 'x y')).toThrow(/scope/);
    expect(() => book.issue('', 'all')).toThrow(/user/);
    expect(() => new UnsubscribeTokens({ key: randomBytes(16), clock })).toThrow(/32 bytes/);
  });
});
