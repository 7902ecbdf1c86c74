import { getSchema } from '@lore/schema';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { findMentionTrigger } from './mentionMenuPlugin';

const schema = getSchema();

/** A state whose only paragraph holds `text`, with the caret at its end. */
function typed(text: string, marks: string[] = []) {
  const node = schema.text(
    text,
    marks.flatMap((name) => schema.marks[name]?.create() ?? []),
  );
  const doc = schema.node('doc', null, [schema.node('paragraph', null, text ? [node] : [])]);
  const state = EditorState.create({ doc });
  return state.apply(state.tr.setSelection(TextSelection.create(doc, 1 + text.length)));
}

describe('findMentionTrigger', () => {
  it('follows an @ at the start of a paragraph or after a space, and the name after it', () => {
    expect(findMentionTrigger(typed('@'))).toEqual({ from: 1, to: 2, query: '' });
    expect(findMentionTrigger(typed('Ask @gra'))?.query).toBe('gra');
    expect(findMentionTrigger(typed('Ask @Grace Ho'))?.query).toBe('Grace Ho');
  });

  it('ignores email addresses, two spaces, and code', () => {
    expect(findMentionTrigger(typed('mail grace@example.com'))).toBeNull();
    expect(findMentionTrigger(typed('Ask @Grace Hopper now'))).toBeNull();
    expect(findMentionTrigger(typed('Ask @gra', ['code']))).toBeNull();
  });
});
