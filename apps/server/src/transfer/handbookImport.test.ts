import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, posix, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFolder, writeZipArchive } from '@lore/transfer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test/startTestServer';
import {
  createSpace,
  flatten,
  markdownOf,
  postZip,
  signUpAdmin,
  sourcesOf,
  treeOf,
} from './transferTestKit';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const corpora = process.env.LORE_CORPORA ?? resolve(repoRoot, '../shared/corpora');
const handbook = join(corpora, 'sourcegraph-handbook', 'content');
const present = existsSync(handbook);
if (!present) {
  console.warn(
    `handbook import test did not run: no corpus at ${handbook} (set LORE_CORPORA to the folder holding sourcegraph-handbook).`,
  );
}

/** Pages the handbook should become, counted straight from the file tree. */
function expectedPageCount(dir: string): { files: number; folderPages: number } {
  const markdown = (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
    .map((path) => path.split(sep).join('/'))
    .filter((path) => !path.split('/').some((part) => part.startsWith('.')))
    .filter((path) => /\.md$/i.test(path) && statSync(join(dir, path)).isFile());
  const folders = new Set<string>();
  for (const file of markdown) {
    for (let folder = posix.dirname(file); folder !== '.'; folder = posix.dirname(folder)) {
      folders.add(folder);
    }
  }
  const indexed = new Set(
    markdown
      .filter((file) => /^(index|readme)\.md$/i.test(posix.basename(file)))
      .map((file) => posix.dirname(file)),
  );
  return {
    files: markdown.length,
    folderPages: [...folders].filter((folder) => !indexed.has(folder)).length,
  };
}

describe.skipIf(!present)('importing the Sourcegraph handbook', () => {
  let t: TestServer;
  let zip: Uint8Array;

  beforeAll(async () => {
    t = await startTestServer();
    await signUpAdmin(t);
    await createSpace(t, 'handbook');
    zip = writeZipArchive(readFolder(handbook));
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  it('makes one page per file and per folder without an index, with links resolved', async () => {
    const expected = expectedPageCount(handbook);
    const started = performance.now();
    const response = await postZip(t, 'space=handbook', zip);
    const seconds = (performance.now() - started) / 1000;
    console.info(`handbook import: ${seconds.toFixed(1)} s`);
    expect(response.status).toBe(200);
    const summary = await response.json();
    const total = expected.files + expected.folderPages;
    expect(summary.pages).toEqual({ created: total, updated: 0 });
    expect(flatten(await treeOf(t, 'handbook'))).toHaveLength(total);
    expect(summary.links.resolved).toBeGreaterThan(1000);
    expect(summary.images.imported).toBeGreaterThan(0);

    const sources = sourcesOf(t);
    const shortIdOf = async (key: string) =>
      (await (await t.request(`/api/pages/${sources.get(key)}`)).json()).page.shortId as string;
    const source = await markdownOf(
      t,
      sources.get('strategy-goals/strategy/platform/source.md') as string,
    );
    expect(source).toContain(
      `[Source team](/s/${await shortIdOf('departments/engineering/teams/source/')})`,
    );
    const batch = await markdownOf(
      t,
      sources.get('strategy-goals/strategy/batch-changes/') as string,
    );
    expect(batch).toContain(
      `[Engineering strategy](/s/${await shortIdOf('departments/engineering/')}#product-vision-and-strategy)`,
    );
    for (const link of summary.links.unresolved.slice(0, 20)) {
      expect(sources.has(link.file) || sources.has(`${posix.dirname(link.file)}/`)).toBe(true);
      expect(link.line).toBeGreaterThan(0);
    }
  }, 600_000);

  it('updates the same pages when imported again', async () => {
    const before = sourcesOf(t);
    const response = await postZip(t, 'space=handbook', zip);
    const summary = await response.json();
    expect(summary.pages).toEqual({ created: 0, updated: before.size });
    expect(sourcesOf(t)).toEqual(before);
    expect(flatten(await treeOf(t, 'handbook'))).toHaveLength(before.size);
  }, 600_000);
});
