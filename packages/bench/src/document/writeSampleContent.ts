import * as Y from 'yjs';
import { bodyField, paragraphNode, titleField } from './pageFields';

const words = [
  'wiki',
  'page',
  'team',
  'deploy',
  'review',
  'design',
  'notes',
  'meeting',
  'search',
  'release',
  'incident',
  'runbook',
  'service',
  'owner',
  'latency',
  'budget',
  'roadmap',
  'customer',
  'query',
  'index',
  'backup',
  'policy',
  'access',
  'draft',
  'history',
  'link',
  'table',
  'status',
  'cache',
];

/**
 * Fills a page with a title (unless it has one) and paragraphs of plain text adding up to about
 * `bytes` characters, in one transaction. `seed` varies the words so pages differ.
 * Returns the number of body characters written.
 */
export function writeSampleContent(doc: Y.Doc, bytes: number, seed: number): number {
  const paragraphLength = 256;
  let state = (seed * 2654435761) >>> 0;
  const nextWord = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return words[state % words.length] ?? 'page';
  };
  let written = 0;
  doc.transact(() => {
    const title = doc.getText(titleField);
    if (title.length === 0) title.insert(0, `Sample page ${seed}`);
    const fragment = doc.getXmlFragment(bodyField);
    while (written < bytes) {
      let line = '';
      while (line.length < Math.min(paragraphLength, bytes - written)) line += `${nextWord()} `;
      const paragraph = new Y.XmlElement(paragraphNode);
      paragraph.insert(0, [new Y.XmlText(line)]);
      fragment.insert(fragment.length, [paragraph]);
      written += line.length;
    }
  });
  return written;
}
