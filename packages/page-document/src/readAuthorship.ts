import type { AuthoredBlock, AuthoredRun, PageAuthorship } from '@lore/core';
import { getSchema, pageBodyField, pageTitleField } from '@lore/schema';
import * as Y from 'yjs';

type Runs = AuthoredRun<number | null>[];

const append = (runs: Runs, text: string, author: number | null) => {
  if (text === '') return;
  const last = runs[runs.length - 1];
  if (last && last.author === author) runs[runs.length - 1] = { text: last.text + text, author };
  else runs.push({ text, author });
};

/** The visible characters of a Y.Text / Y.XmlText with the Yjs client that inserted each. */
function textRuns(text: Y.Text | Y.XmlText, runs: Runs = []): Runs {
  for (let item = text._start; item !== null; item = item.right) {
    if (!item.deleted && item.content instanceof Y.ContentString) {
      append(runs, item.content.str, item.id.client);
    }
  }
  return runs;
}

function inlineRuns(element: Y.XmlElement): Runs {
  const runs: Runs = [];
  for (const child of element.toArray()) {
    if (child instanceof Y.XmlText) textRuns(child, runs);
    else if (child instanceof Y.XmlElement && child.nodeName === 'hardBreak') {
      append(runs, '\n', child._item?.id.client ?? null);
    }
  }
  return runs;
}

/**
 * Who wrote what, read from the live document's own structure: every character in Yjs is an
 * item stamped with the client that inserted it. Blocks are listed in document order, the
 * containers around each (lists, quotes, tables) named in its path.
 */
export function readAuthorship(doc: Y.Doc): PageAuthorship<number | null> {
  const schema = getSchema();
  const blocks: AuthoredBlock<number | null>[] = [];
  const walk = (parent: Y.XmlFragment | Y.XmlElement, path: readonly string[]) => {
    for (const child of parent.toArray()) {
      if (child instanceof Y.XmlText) {
        blocks.push({ type: 'paragraph', path, runs: textRuns(child) });
        continue;
      }
      if (!(child instanceof Y.XmlElement)) continue;
      const type = schema.nodes[child.nodeName];
      if (type?.isTextblock) {
        const level = Number(child.getAttribute('level'));
        blocks.push({
          type: child.nodeName,
          ...(child.nodeName === 'heading' && Number.isInteger(level) ? { level } : {}),
          path,
          runs: inlineRuns(child),
        });
      } else if (type?.isLeaf) {
        blocks.push({ type: child.nodeName, path, runs: [] });
      } else {
        walk(child, [...path, child.nodeName]);
      }
    }
  };
  walk(doc.getXmlFragment(pageBodyField), []);
  return { title: textRuns(doc.getText(pageTitleField)), blocks };
}
