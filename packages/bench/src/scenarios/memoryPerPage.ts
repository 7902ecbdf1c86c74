import type { BenchClient } from '../clients/BenchClient';
import { bodyField } from '../document/pageFields';
import { writeSampleContent } from '../document/writeSampleContent';
import type { CollabTarget } from '../servers/CollabTarget';
import { connectClients } from './connectClients';
import { sleep, waitUntil } from './waitUntil';

export interface MemoryOptions {
  readonly pages: number;
  /** Body text written into each page, in characters (ASCII, so bytes). */
  readonly contentBytes: number;
  /** Quiet time before each RSS reading, so allocation bursts settle and the GC catches up. */
  readonly settleMs: number;
  /**
   * Wait after creating the pages, before the baseline: Lore keeps a page loaded for a 5 s grace
   * period after the API wrote its title. Default 7 s.
   */
  readonly unloadWaitMs?: number;
}

export interface MemoryResult {
  readonly pages: number;
  readonly baselineRssBytes: number;
  readonly loadedRssBytes: number;
  /** (loaded − baseline) / pages: server memory per open page (document + its one connection). */
  readonly bytesPerPage: number;
  /** The same from the server's own V8 heap used + external memory after a full GC: less noisy. */
  readonly heapBytesPerPage: number;
  /** Pages re-read by a fresh client with exactly the content written. */
  readonly verifiedPages: number;
}

/**
 * A full GC in the server, then the median of a few RSS readings a moment apart, and the
 * server's heap used + external memory right after the GC.
 */
async function steadyMemory(target: CollabTarget): Promise<{ rss: number; heap: number }> {
  const usage = await target.server.collectGarbage();
  await sleep(500);
  const readings: number[] = [];
  for (let reading = 0; reading < 5; reading++) {
    readings.push(target.server.rssBytes());
    await sleep(300);
  }
  readings.sort((a, b) => a - b);
  return { rss: readings[2] ?? Number.NaN, heap: usage.heapUsed + usage.external };
}

/**
 * Server memory per open page: RSS with no page open, then one client per page opens it and
 * writes ~`contentBytes` of text if it is empty, and all stay connected; RSS again.
 */
export async function memoryPerPage(
  target: CollabTarget,
  options: MemoryOptions,
): Promise<MemoryResult> {
  const docIds = await target.createDocuments(options.pages);
  await sleep(Math.max(options.settleMs, options.unloadWaitMs ?? 7_000));
  const baseline = await steadyMemory(target);
  const written = new Map<number, string>();
  let clients: BenchClient[] = [];
  const checkers: BenchClient[] = [];
  try {
    clients = await connectClients(target, docIds, {
      batch: 50,
      afterSync: (client, index) => {
        writeSampleContent(client.doc, options.contentBytes, index);
        written.set(index, client.doc.getXmlFragment(bodyField).toString());
      },
    });
    await sleep(options.settleMs);
    const loaded = await steadyMemory(target);

    const sample = [...new Set([0, Math.floor(docIds.length / 2), docIds.length - 1])];
    let verifiedPages = 0;
    for (const index of sample) {
      const docId = docIds[index];
      if (docId === undefined) continue;
      const checker = target.connect(docId);
      checkers.push(checker);
      await checker.whenSynced();
      const expected = written.get(index);
      try {
        await waitUntil(
          () => checker.doc.getXmlFragment(bodyField).toString() === expected,
          'a fresh client to read the page as written',
          10_000,
        );
        verifiedPages += 1;
      } catch {
        // Counted as not verified.
      }
    }
    return {
      pages: docIds.length,
      baselineRssBytes: baseline.rss,
      loadedRssBytes: loaded.rss,
      bytesPerPage: (loaded.rss - baseline.rss) / docIds.length,
      heapBytesPerPage: (loaded.heap - baseline.heap) / docIds.length,
      verifiedPages,
    };
  } finally {
    for (const client of [...clients, ...checkers]) client.destroy();
  }
}
