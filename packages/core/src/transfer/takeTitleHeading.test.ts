import { describe, expect, it } from 'vitest';
import { takeTitleHeading } from './takeTitleHeading';

const heading = (level: number, text: string) => ({
  type: 'heading',
  attrs: { level },
  content: [{ type: 'text', text }],
});
const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

describe('takeTitleHeading', () => {
  it('takes a leading heading of any level, else the first level-1 heading', () => {
    expect(
      takeTitleHeading({ type: 'doc', content: [heading(2, 'Intro'), paragraph('x')] }),
    ).toEqual({
      title: 'Intro',
      body: { type: 'doc', content: [paragraph('x')] },
    });
    expect(
      takeTitleHeading({
        type: 'doc',
        content: [paragraph('x'), heading(2, 'B'), heading(1, 'Main')],
      })?.title,
    ).toBe('Main');
    expect(
      takeTitleHeading({ type: 'doc', content: [paragraph('x'), heading(2, 'B')] }),
    ).toBeNull();
  });

  it('leaves an empty paragraph when the heading was all there was', () => {
    expect(takeTitleHeading({ type: 'doc', content: [heading(1, 'Only')] })?.body).toEqual({
      type: 'doc',
      content: [{ type: 'paragraph' }],
    });
  });
});
