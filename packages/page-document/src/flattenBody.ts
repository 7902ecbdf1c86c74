import * as Y from 'yjs';

/** Anything a position can name in the body: the fragment, an element or a run of text. */
type BodyNode = Y.XmlFragment | Y.XmlElement | Y.XmlText;

/**
 * The page body as one run of text (blocks end with a line break, embeds count as one
 * character, as Yjs counts them), with where each live node starts and ends in it.
 */
export interface FlatBody {
  readonly text: string;
  readonly starts: Map<object, number>;
  readonly ends: Map<object, number>;
  /** The runs of text of the body, in document order. */
  readonly texts: readonly Y.XmlText[];
}

/** Reads the body once as a {@link FlatBody}. */
export function flattenBody(body: Y.XmlFragment): FlatBody {
  const starts = new Map<object, number>();
  const ends = new Map<object, number>();
  const texts: Y.XmlText[] = [];
  let text = '';
  // Depth-first without recursion: the body may nest deeply.
  const stack: { node: BodyNode; entered: boolean }[] = [{ node: body, entered: false }];
  while (stack.length > 0) {
    const top = stack.pop() as { node: BodyNode; entered: boolean };
    const { node } = top;
    if (top.entered) {
      if (node instanceof Y.XmlElement && text.length > 0 && !text.endsWith('\n')) text += '\n';
      ends.set(node, text.length);
      continue;
    }
    starts.set(node, text.length);
    if (node instanceof Y.XmlText) {
      texts.push(node);
      for (const op of node.toDelta() as { insert: unknown }[]) {
        text += typeof op.insert === 'string' ? op.insert : '\uFFFC';
      }
      ends.set(node, text.length);
      continue;
    }
    stack.push({ node, entered: true });
    const children = node
      .toArray()
      .filter(
        (child): child is Y.XmlElement | Y.XmlText =>
          child instanceof Y.XmlElement || child instanceof Y.XmlText,
      );
    for (let index = children.length - 1; index >= 0; index -= 1) {
      stack.push({ node: children[index] as BodyNode, entered: false });
    }
  }
  return { text, starts, ends, texts };
}
