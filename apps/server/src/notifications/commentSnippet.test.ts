import { describe, expect, it } from 'vitest';
import { commentSnippet } from './commentSnippet';

describe('commentSnippet', () => {
  it('reads mentions as names and links as their text, without Markdown marks', () => {
    expect(
      commentSnippet(
        '> quoted\n**Is** this `current`, @[Max Planck](user:u-max)? See [the runbook](https://x.example/r).',
      ),
    ).toBe('quoted\nIs this current, @Max Planck? See the runbook.');
  });

  it('keeps what is plain as it is', () => {
    expect(commentSnippet('  Looks good to me.  ')).toBe('Looks good to me.');
  });
});
