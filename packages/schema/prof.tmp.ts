import fs from 'node:fs';
import path from 'node:path';
import { parseMarkdownTree } from './src/markdown/parseMarkdownTree';
import { mdastToJSON } from './src/markdown/mdastToJSON';
import { sanitizeJSON } from './src/sanitizeJSON';
import { jsonToMarkdown } from './src/jsonToMarkdown';
import { markdownSourceText } from './src/testing/markdownSourceText';
const root = '/work/shared/corpora/sourcegraph-handbook/content';
const files = (fs.readdirSync(root, { recursive: true }) as string[]).filter(f => f.endsWith('.md')).sort();
const srcs = files.map(f => fs.readFileSync(path.join(root, f), 'utf8'));
const T: Record<string, number> = {};
const time = <T,>(k: string, f: () => T): T => { const t = performance.now(); const r = f(); T[k] = (T[k] ?? 0) + performance.now() - t; return r; };
for (const s of srcs) {
  const tree = time('parse', () => parseMarkdownTree(s));
  const raw = time('mdastToJSON', () => mdastToJSON(tree));
  const doc = time('sanitize', () => sanitizeJSON(raw));
  time('toMarkdown', () => jsonToMarkdown(doc));
  time('sourceText', () => markdownSourceText(tree));
}
console.log(T);
