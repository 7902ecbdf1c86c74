import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SearchDocument } from '@lore/core';
import { createLogger, createServer, loadConfig } from '@lore/server';
import * as Y from 'yjs';
import { type LatencySummary, summarizeLatencies } from '../stats/summarizeLatencies';

export interface EditToSearchable {
  /** From the last keystroke of a burst being stored to the first search that finds it. */
  readonly delay: LatencySummary;
  readonly indexedPages: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A real Lore server (in this process, no sockets): a burst of edits goes through the
 * collaboration server's durable path, as a client's would, then search is polled every 5 ms
 * until the new word is found. The index is pre-filled with `background` pages so indexing
 * works at that size.
 */
export async function measureEditToSearchable(
  background: Iterable<SearchDocument>,
  edits: number,
): Promise<EditToSearchable> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lore-bench-search-'));
  const config = loadConfig({ LORE_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' });
  const server = await createServer(config, { logger: createLogger('silent') });
  try {
    const { accounts, pages, collab, search } = server.services;
    const admin = await accounts.setupFirstAdminFromConfig({
      email: 'bench@example.com',
      password: 'benchmark-password',
      displayName: 'Bench',
    });
    const space = pages.createSpace(admin, { name: 'Bench' });
    async function* batches() {
      let batch: SearchDocument[] = [];
      for (const document of background) {
        batch.push({ ...document, spaceId: space.id });
        if (batch.length === 5_000) {
          yield batch;
          batch = [];
        }
      }
      yield batch;
    }
    const indexedPages = await search.index.rebuild(batches());
    const page = await pages.createPage(admin, {
      spaceId: space.id,
      title: 'Scratch',
      markdown: 'Start.',
    });
    const delays: number[] = [];
    for (let edit = 0; edit < edits; edit += 1) {
      const word = `zebrafish${edit}x${Math.floor(Math.random() * 1e6)}`;
      // A few keystrokes' worth of updates, as a typing user sends them.
      for (const chunk of [' Note', ' about', ` ${word}`, '.']) {
        await collab.editDocument(page.id, (doc) => {
          const paragraph = doc.getXmlFragment('default').get(0);
          const text = paragraph instanceof Y.XmlElement ? paragraph.get(0) : null;
          if (text instanceof Y.XmlText) text.insert(text.length, chunk);
        });
        await sleep(40);
      }
      const stored = performance.now();
      for (;;) {
        const found = await search.search.search(admin, { text: `${word} `, record: false });
        if (found.hits.length > 0) break;
        if (performance.now() - stored > 10_000)
          throw new Error('An edit was not searchable after 10 s.');
        await sleep(5);
      }
      delays.push(performance.now() - stored);
      await sleep(1_500);
    }
    return { delay: summarizeLatencies(delays), indexedPages };
  } finally {
    await server.close(1000);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
