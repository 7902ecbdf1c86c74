import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { searchDocument } from '@lore/core/testing';
import { openDatabase } from '@lore/store-sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { Fts5SearchIndex } from './Fts5SearchIndex';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

async function indexOf(documents: Parameters<typeof searchDocument>[0][]) {
  const dir = mkdtempSync(join(tmpdir(), 'lore-fts5-typos-'));
  const db = openDatabase({ path: join(dir, 'lore.db') });
  cleanups.push(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const index = new Fts5SearchIndex({ db });
  await index.rebuild(
    (async function* () {
      yield documents.map(searchDocument);
    })(),
  );
  return index;
}

describe('typos inside words joined by punctuation', () => {
  it('corrects a misspelled part of a hyphenated word, and suggests the correction', async () => {
    const index = await indexOf([
      { pageId: 'policy', title: 'Anti-bribery policy', body: 'Gifts and hospitality rules.' },
      { pageId: 'other', title: 'Travel policy', body: 'Booking trips and per diems.' },
    ]);
    const search = (text: string) =>
      index.search({
        text,
        readableSpaceIds: [searchDocument({ pageId: 'x' }).spaceId],
        limit: 5,
        offset: 0,
      });
    const found = await search('anti-brbery policy ');
    expect(found.hits[0]?.pageId).toBe('policy');
    expect(found.didYouMean).toBe('anti-bribery policy');
    // Spelled right, nothing changes; a phrase nobody wrote still finds nothing by itself.
    expect((await search('anti-bribery policy ')).hits.map((hit) => hit.pageId)).toEqual([
      'policy',
    ]);
    expect((await search('"anti-zzqxv" ')).total).toBe(0);
  });
});
