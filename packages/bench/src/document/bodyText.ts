import * as Y from 'yjs';
import { bodyField } from './pageFields';

/**
 * The text of the body's first paragraph (`default` → paragraph → XmlText), where every
 * benchmark types, or null while the document has none yet. The same shape on every server, and
 * the one Lore's schema accepts.
 */
export function bodyText(doc: Y.Doc): Y.XmlText | null {
  const paragraph = doc.getXmlFragment(bodyField).get(0);
  if (!(paragraph instanceof Y.XmlElement)) return null;
  const text = paragraph.get(0);
  return text instanceof Y.XmlText ? text : null;
}
