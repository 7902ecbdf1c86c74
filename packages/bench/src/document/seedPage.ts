import * as Y from 'yjs';
import { bodyText } from './bodyText';
import { bodyField, paragraphNode, titleField } from './pageFields';

/**
 * Gives an empty page a title and one empty paragraph, in one transaction, and returns the
 * paragraph's text. A page that already has a body is left alone.
 */
export function seedPage(doc: Y.Doc, title: string): Y.XmlText {
  const existing = bodyText(doc);
  if (existing) return existing;
  doc.transact(() => {
    const titleText = doc.getText(titleField);
    if (titleText.length === 0) titleText.insert(0, title);
    const paragraph = new Y.XmlElement(paragraphNode);
    paragraph.insert(0, [new Y.XmlText()]);
    doc.getXmlFragment(bodyField).insert(0, [paragraph]);
  });
  const text = bodyText(doc);
  if (!text) throw new Error('The seeded paragraph is missing.');
  return text;
}
