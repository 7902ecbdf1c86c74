import { diffPageStates, inlineDiffHtml } from '@lore/page-document';
import {
  DocumentLimitError,
  extractHeadings,
  extractLinks,
  getSchema,
  type JSONContent,
  jsonToHTML,
  jsonToMarkdown,
  jsonToPlainText,
  markdownToJSON,
  yDocToJSON,
} from '@lore/schema';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { htmlViolations } from '../test/htmlViolations';
import { seededRandom } from '../test/seededRandom';
import { writeContent } from '../test/yContentOf';

const schema = getSchema();
const nodeNames = Object.keys(schema.nodes).filter((name) => name !== 'doc' && name !== 'text');
const markNames = Object.keys(schema.marks);

/** Values a hostile or outdated client might put anywhere: good, bad and strange. */
const hostileValues: unknown[] = [
  'https://example.com/page',
  '/api/attachments/abc/file.png',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  ' java\tscript:alert(1)',
  '"><img src=x onerror=alert(1)>',
  '\uE000inserted\uE001 and \uE002deleted\uE003',
  'x'.repeat(9_000),
  42,
  -1,
  7,
  true,
  null,
  ['a', 1],
  { nested: { deep: true } },
];

/**
 * Random content built from the schema's own node and mark names, nested up to `maxDepth`,
 * with declared and undeclared attributes holding hostile values: structurally valid Yjs
 * that the page model may still refuse, as a stored document written before the limits (or
 * around the guard) could hold.
 */
function randomContent(random: () => number, maxDepth: number): JSONContent[] {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const attrsFor = (declared: readonly string[]): Record<string, unknown> => {
    const attrs: Record<string, unknown> = {};
    for (const name of declared) if (random() < 0.6) attrs[name] = pick(hostileValues);
    if (random() < 0.2) attrs[pick(['onclick', 'onerror', 'style', 'class'])] = pick(hostileValues);
    return attrs;
  };
  const build = (depth: number): JSONContent[] => {
    const count = 1 + Math.floor(random() * (depth > 3 ? 2 : 4));
    const out: JSONContent[] = [];
    for (let index = 0; index < count; index++) {
      if (depth >= maxDepth || random() < 0.3) {
        const marks = markNames
          .filter(() => random() < 0.2)
          .map((type) => ({
            type,
            attrs: attrsFor(Object.keys(schema.marks[type]?.spec.attrs ?? {})),
          }));
        if (random() < 0.1) marks.push({ type: 'unknownMark', attrs: {} });
        out.push({
          type: 'text',
          text: pick(['word ', '\uE000x\uE003', '# heading', '<b>', 'text']),
          marks,
        });
        continue;
      }
      const type = random() < 0.05 ? 'unknownNode' : pick(nodeNames);
      const node: JSONContent = {
        type,
        attrs: attrsFor(Object.keys(schema.nodes[type]?.spec.attrs ?? {})),
      };
      // Most of the time go deeper, so some documents reach far past the depth limit.
      if (random() < 0.85) node.content = build(depth + 1);
      out.push(node);
    }
    return out;
  };
  return build(0);
}

function randomDoc(seed: number): Y.Doc {
  const random = seededRandom(seed);
  const doc = new Y.Doc();
  // A few documents go far past every limit; the rest stay near real pages.
  const maxDepth = seed % 10 === 0 ? 400 : 4 + Math.floor(random() * 30);
  doc.transact(() => writeContent(doc.getXmlFragment('default'), randomContent(random, maxDepth)));
  return doc;
}

describe('random structurally valid documents from the schema node types', () => {
  it('are read, rendered, exported, diffed and indexed without a throw, and render clean HTML', () => {
    const seeds = Array.from({ length: 120 }, (_, index) => index + 1);
    let previous: JSONContent = { type: 'doc', content: [] };
    for (const seed of seeds) {
      const doc = randomDoc(seed);
      try {
        const json = yDocToJSON(doc, 'default');
        const html = jsonToHTML(json);
        expect(htmlViolations(html), `page HTML, seed ${seed}`).toEqual([]);
        const markdown = jsonToMarkdown(json);
        expect(typeof jsonToPlainText(json)).toBe('string');
        extractLinks(json);
        extractHeadings(json);
        // What an export writes reads back as a page (the round trip of import), unless the
        // stored document was past a size limit, which the import door refuses by name.
        try {
          markdownToJSON(markdown);
        } catch (error) {
          if (!(error instanceof DocumentLimitError)) throw error;
        }
        const diff = diffPageStates(
          { title: 'Before', body: previous as never },
          { title: 'After \uE000', body: json as never },
        );
        expect(htmlViolations(diff.html), `diff HTML, seed ${seed}`).toEqual([]);
        expect(htmlViolations(diff.title.html), `title diff, seed ${seed}`).toEqual([]);
        previous = json;
      } catch (error) {
        throw new Error(`seed ${seed}: ${String(error)}`, { cause: error });
      }
    }
  });

  it('never turn diff marks in attribute values into markup', () => {
    const link = (title: string): JSONContent => ({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            {
              type: 'text',
              text: 'docs',
              marks: [{ type: 'link', attrs: { href: 'https://example.com/', title } }],
            },
          ],
        },
      ],
    });
    const diff = diffPageStates(
      { title: 'A', body: link('plain') as never },
      { title: 'A', body: link('\uE000" onmouseover="alert(1)\uE001') as never },
    );
    expect(diff.html).not.toMatch(/title="[^"]*<ins/);
    expect(htmlViolations(diff.html)).toEqual([]);
    expect(htmlViolations(inlineDiffHtml('a \uE000 b', 'a \uE002 c'))).toEqual([]);
  });
});
