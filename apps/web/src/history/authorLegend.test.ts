import { describe, expect, it } from 'vitest';
import { authorLegend } from './authorLegend';

const ada = { id: 'u-ada', displayName: 'Ada', color: '#aa0000' };
const bob = { id: 'u-bob', displayName: 'Bob', color: '#0000aa' };

describe('authorLegend', () => {
  it('counts what each person wrote, title included, most first and unattributed last', () => {
    const legend = authorLegend({
      title: [{ text: 'Plan', author: 'u-bob' }],
      blocks: [
        {
          type: 'paragraph',
          path: [],
          runs: [
            { text: 'Hello ', author: 'u-ada' },
            { text: 'world', author: 'u-bob' },
            { text: 'imported text', author: null },
          ],
        },
        {
          type: 'paragraph',
          path: ['bulletList', 'listItem'],
          runs: [{ text: 'é😀', author: 'u-ada' }],
        },
      ],
      people: [ada, bob],
    });
    expect(legend).toEqual([
      { person: bob, characters: 9 },
      { person: ada, characters: 7 },
      { person: null, characters: 12 },
    ]);
  });

  it('treats authors it has no details for as unattributed and skips blank text', () => {
    const legend = authorLegend({
      title: [],
      blocks: [
        {
          type: 'paragraph',
          path: [],
          runs: [
            { text: 'gone', author: 'u-deleted' },
            { text: '   ', author: 'u-ada' },
          ],
        },
      ],
      people: [ada],
    });
    expect(legend).toEqual([{ person: null, characters: 4 }]);
  });
});
