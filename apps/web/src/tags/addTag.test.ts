import { describe, expect, it } from 'vitest';
import { addTag } from './addTag';

describe('addTag', () => {
  it('adds trimmed tags, split at commas, without a leading # or duplicates', () => {
    expect(addTag(['HR'], ' #Onboarding ')).toEqual(['HR', 'Onboarding']);
    expect(addTag(['HR'], 'hr, it ,  new   hires,')).toEqual(['HR', 'it', 'new hires']);
    expect(addTag([], '  ,# ')).toEqual([]);
  });
});
