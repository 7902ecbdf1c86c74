import type { JSONContent } from '@tiptap/core';
import { isMentionUserId } from './extensions/Mention';

/** The ids of the people a document mentions, each once, in document order (without recursion). */
export function extractMentions(json: JSONContent): string[] {
  const found = new Set<string>();
  const work: JSONContent[] = [json];
  while (work.length > 0) {
    const node = work.pop() as JSONContent;
    if (node.type === 'mention' && isMentionUserId(node.attrs?.userId))
      found.add(node.attrs.userId);
    const children = node.content ?? [];
    for (let index = children.length - 1; index >= 0; index--) {
      work.push(children[index] as JSONContent);
    }
  }
  return [...found];
}
