import { anchorOfRange } from '@lore/page-document';
import type { ClusterBenchTarget } from '../cluster/ClusterBenchTarget';
import { bodyText } from '../document/bodyText';
import { seedPage } from '../document/seedPage';
import { waitUntil } from '../scenarios/waitUntil';
import { percentile } from '../stats/summarizeLatencies';
import { DiscussionApi } from './discussionApi';

export interface ThreadLoadOptions {
  /** Anchored threads on the page, each on its own sentence. */
  readonly threads: number;
  /** Every n-th thread gets two replies. */
  readonly repliesEvery: number;
  /** Timed loads of the page's threads (after three untimed ones). */
  readonly requests: number;
}

export interface ThreadLoadResult {
  readonly threads: number;
  readonly comments: number;
  readonly responseBytes: number;
  /** `GET /api/pages/:id/comments` over loopback, request to last byte, in ms. */
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
}

/**
 * A page with many anchored threads, loaded the way the discussion sidebar loads it: every thread
 * with its comments, reactions and where its anchor stands in the current document. The page's
 * text is typed through the stock provider and every anchor is made from that client's document,
 * as the editor makes them; the timing is the whole HTTP request on loopback, so it bounds the
 * server's time from above.
 */
export async function threadLoad(
  target: ClusterBenchTarget,
  options: ThreadLoadOptions,
): Promise<ThreadLoadResult> {
  const api = new DiscussionApi(target.admin);
  const [pageId] = await target.createDocuments(1);
  if (!pageId) throw new Error('No page was created.');
  const writer = target.connect(pageId);
  const reader = target.connect(pageId);
  try {
    await writer.whenSynced(30_000);
    const text = seedPage(writer.doc, 'Discussion');
    const sentences = Array.from(
      { length: options.threads },
      (_, index) => `Sentence ${index} states one fact worth asking about. `,
    );
    text.insert(0, sentences.join(''));
    const expected = text.length;
    await reader.whenSynced(30_000);
    await waitUntil(
      () => (bodyText(reader.doc)?.length ?? 0) === expected,
      'the page text to reach a second client',
      60_000,
      20,
    );
    let offset = 0;
    const anchors = sentences.map((sentence) => {
      const start = offset + sentence.indexOf('one fact');
      offset += sentence.length;
      return { ...anchorOfRange(text, start, start + 'one fact'.length), quote: 'one fact' };
    });
    let comments = 0;
    const inFlight = 4;
    for (let start = 0; start < anchors.length; start += inFlight) {
      await Promise.all(
        anchors.slice(start, start + inFlight).map(async (anchor, position) => {
          const index = start + position;
          const threadId = await api.createThread(
            pageId,
            `Is sentence **${index}** still true? See [the runbook](https://example.com/runbook).`,
            anchor,
          );
          comments += 1;
          if (index % options.repliesEvery === 0) {
            await api.reply(threadId, 'Yes, checked this week.');
            await api.reply(threadId, 'Thanks — see `the runbook`.');
            comments += 2;
          }
        }),
      );
    }
    let bytes = 0;
    for (let warm = 0; warm < 3; warm++) await api.listThreads(pageId);
    const times: number[] = [];
    for (let request = 0; request < options.requests; request++) {
      const started = performance.now();
      const listed = await api.listThreads(pageId);
      times.push(performance.now() - started);
      if (listed.threads !== options.threads) {
        throw new Error(`Listed ${listed.threads} threads, expected ${options.threads}.`);
      }
      bytes = listed.bytes;
    }
    const sorted = Float64Array.from(times).sort();
    return {
      threads: options.threads,
      comments,
      responseBytes: bytes,
      p50: percentile(sorted, 0.5),
      p95: percentile(sorted, 0.95),
      max: sorted[sorted.length - 1] ?? Number.NaN,
    };
  } finally {
    writer.destroy();
    reader.destroy();
  }
}
