import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

/** `$LORE_CORPORA/sourcegraph-handbook/content`, or null when it is not there. */
export function handbookCorpusDir(): string | null {
  const corpora = process.env.LORE_CORPORA ?? resolve(repoRoot, '../shared/corpora');
  const dir = join(corpora, 'sourcegraph-handbook', 'content');
  return existsSync(dir) ? dir : null;
}

/** Every `.md` file under a folder, as sorted paths relative to it. */
export function listMarkdownFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((file) => file.endsWith('.md'))
    .map((file) => file.split('\\').join('/'))
    .sort();
}
