import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SearchDocument } from '@lore/core';
import { extractHeadings, jsonToPlainText, markdownToJSON, readFrontMatter } from '@lore/schema';

/** The shared corpora folder: `LORE_CORPORA`, else `../shared/corpora` beside the repository. */
export function corporaDir(env: Record<string, string | undefined> = process.env): string {
  const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
  return resolve(env.LORE_CORPORA ?? join(repoRoot, '../shared/corpora'));
}

/** The handbook's Markdown folder, or null when the corpus is not on this machine. */
export function handbookDir(env: Record<string, string | undefined> = process.env): string | null {
  const dir = join(corporaDir(env), 'sourcegraph-handbook', 'content');
  return existsSync(dir) ? dir : null;
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return markdownFiles(path);
      return entry.isFile() && entry.name.endsWith('.md') ? [path] : [];
    });
}

const words = (name: string) =>
  name
    .replace(/\.md$/, '')
    .replace(/[-_]+/g, ' ')
    .replace(/^\w/, (c) => c.toUpperCase());

/**
 * The handbook as search documents, one per Markdown file: the page id is the path relative
 * to the folder, the title the front matter `title`, else the first heading, else the file
 * name; the path is the folders above. All in one space.
 */
export function loadHandbook(dir: string, spaceId = 'handbook'): SearchDocument[] {
  const updatedAt = Date.UTC(2024, 0, 1);
  return markdownFiles(dir).map((file) => {
    const markdown = readFileSync(file, 'utf8');
    const id = relative(dir, file).split('\\').join('/');
    const json = markdownToJSON(markdown);
    const headings = extractHeadings(json).map((heading) => heading.text);
    const frontTitle = /^title:\s*["']?(.+?)["']?\s*$/m.exec(
      readFrontMatter(markdown)?.raw ?? '',
    )?.[1];
    const folders = id.split('/').slice(0, -1);
    const fileName = id.split('/').at(-1) ?? id;
    const title =
      frontTitle ??
      headings[0]?.replace(/\*+/g, '').trim() ??
      (fileName === 'index.md' ? words(folders.at(-1) ?? 'Handbook') : words(fileName));
    return {
      pageId: id,
      shortId: id,
      spaceId,
      title,
      headings: headings.slice(frontTitle ? 0 : 1),
      body: jsonToPlainText(json),
      tags: [],
      path: ['Handbook', ...folders.map(words)],
      authors: [],
      updatedAt,
      views: 0,
    };
  });
}
