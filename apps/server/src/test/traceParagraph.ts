import { pageBodyField } from '@lore/schema';
import * as Y from 'yjs';

/**
 * Adds the one paragraph an editing trace is replayed into: `default` → paragraph → text node.
 * Call it on one client only; two clients doing so at once would make two paragraphs.
 */
export function insertTraceParagraph(doc: Y.Doc): void {
  doc.transact(() => {
    const paragraph = new Y.XmlElement('paragraph');
    doc.getXmlFragment(pageBodyField).insert(0, [paragraph]);
    paragraph.insert(0, [new Y.XmlText()]);
  });
}

/**
 * The text node of the page body's first paragraph, or null before it exists. Traces are replayed
 * into this single node, newlines included: a trace is plain text addressed by character
 * positions, which only one text node keeps meaningful.
 */
export function traceParagraphText(doc: Y.Doc): Y.XmlText | null {
  const paragraph = doc.getXmlFragment(pageBodyField).get(0);
  if (!(paragraph instanceof Y.XmlElement)) return null;
  const text = paragraph.get(0);
  return text instanceof Y.XmlText ? text : null;
}

/** The characters of `traceParagraphText` (marks and embeds left out); '' before it exists. */
export function readTraceParagraph(doc: Y.Doc): string {
  const text = traceParagraphText(doc);
  if (!text) return '';
  return (text.toDelta() as { insert: unknown }[])
    .map((op) => (typeof op.insert === 'string' ? op.insert : ''))
    .join('');
}
