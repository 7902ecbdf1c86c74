import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { checkBoundaries } from './checkBoundaries';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of some of the workspace's packages (sources and package.json, no node_modules). */
function copyOf(folders: readonly string[]): string {
  const copy = mkdtempSync(join(tmpdir(), 'lore-boundaries-'));
  temps.push(copy);
  for (const folder of folders) {
    cpSync(join(root, folder), join(copy, folder), {
      recursive: true,
      filter: (source) => !source.includes('node_modules') && !source.includes(`${folder}/dist`),
    });
  }
  return copy;
}

function plant(copy: string, file: string, source: string): void {
  mkdirSync(join(copy, file, '..'), { recursive: true });
  writeFileSync(join(copy, file), source);
}

describe('the package boundaries', () => {
  it('hold in this workspace', () => {
    expect(checkBoundaries(root)).toEqual([]);
  });

  it('fail on a planted import in a copy: core reaching for HTTP, SQL or the filesystem', () => {
    const copy = copyOf(['packages/core']);
    expect(checkBoundaries(copy)).toEqual([]);
    plant(
      copy,
      'packages/core/src/pages/leak.ts',
      "import { createServer } from 'node:http';\nimport Database from 'better-sqlite3';\nimport { readFileSync } from 'node:fs';\nexport const leak = [createServer, Database, readFileSync];\n",
    );
    expect(checkBoundaries(copy).map((violation) => [violation.file, violation.specifier])).toEqual(
      [
        ['packages/core/src/pages/leak.ts', 'node:http'],
        ['packages/core/src/pages/leak.ts', 'better-sqlite3'],
        ['packages/core/src/pages/leak.ts', 'node:fs'],
      ],
    );
  });

  it('fail on a sibling package used without being declared, reached by a relative path, or a testing entry in shipped code', () => {
    const copy = copyOf(['packages/search-meilisearch', 'packages/schema']);
    plant(
      copy,
      'packages/search-meilisearch/src/sneak.ts',
      "import { getSchema } from '@lore/schema';\nimport { slugifyHeading } from '../../schema/src/slugifyHeading';\nimport { ManualClock } from '@lore/core/testing';\nexport const sneak = [getSchema, slugifyHeading, ManualClock];\n",
    );
    const found = checkBoundaries(copy);
    expect(found.map((violation) => violation.rule)).toEqual([
      '@lore/search-meilisearch imports @lore/schema without declaring it in package.json',
      '@lore/search-meilisearch reaches outside its folder; import the package by name',
      '@lore/search-meilisearch ships code that imports @lore/core/testing, which is for tests only',
    ]);
  });

  it('fail on the web app importing server code', () => {
    const copy = copyOf(['apps/web']);
    plant(
      copy,
      'apps/web/src/shell/serverSide.ts',
      "const load = () => import('@lore/server');\nexport { load };\n",
    );
    const [violation] = checkBoundaries(copy);
    expect(violation).toMatchObject({
      file: 'apps/web/src/shell/serverSide.ts',
      line: 1,
      specifier: '@lore/server',
    });
    expect(violation?.rule).toMatch(/web app talks to the server over HTTP/);
  });

  it('fail on the web app importing code, not types, from the API schemas', () => {
    const copy = copyOf(['apps/web', 'packages/api']);
    expect(checkBoundaries(copy)).toEqual([]);
    plant(
      copy,
      'apps/web/src/api/validate.ts',
      "import type { Page } from '@lore/api';\nimport { pageSchema } from '@lore/api';\nexport const check = (page: Page) => pageSchema.parse(page);\n",
    );
    expect(checkBoundaries(copy).map((violation) => [violation.line, violation.rule])).toEqual([
      [2, expect.stringMatching(/^@lore\/web may import only types from @lore\/api/)],
    ]);
  });
});
