import type { ClusterBenchTarget } from '../cluster/ClusterBenchTarget';
import { type PlacedFanoutResult, type PlacedLoad, placedFanout } from '../cluster/placedFanout';
import type { ProcessSupervisor } from '../process/ProcessSupervisor';
import { sleep } from '../scenarios/waitUntil';
import { openBenchDatabase } from './benchDatabase';
import { DiscussionApi } from './discussionApi';

export interface WatcherFanoutOptions {
  readonly watchers: number;
  /** Typing on other pages, measured alone and then while the notifications fan out. */
  readonly load: PlacedLoad;
  readonly loadGenerators: number;
  /** Comments on the watched page during the measured typing, this far apart. */
  readonly fanouts: number;
  readonly fanoutGapMs: number;
}

export interface WatcherFanoutResult {
  readonly watchers: number;
  /** From the comment's request to the last watcher's notification written, per comment. */
  readonly fanoutMs: readonly number[];
  readonly typingAlone: PlacedFanoutResult;
  readonly typingDuringFanout: PlacedFanoutResult;
}

/**
 * One new thread on a page that `watchers` people watch: every one of them must get a
 * notification (the consumer decides, for each, that they may read the page and want it), while
 * other people type on other pages. The watchers are real accounts written through Lore's own
 * stores before Lore restarts; the time runs from the comment's request to the moment the
 * database holds every watcher's notification (polled every 10 ms). Typing latency is measured
 * first alone, then with the fan-outs inside its window.
 */
export async function watcherFanout(
  target: ClusterBenchTarget,
  supervisor: ProcessSupervisor,
  options: WatcherFanoutOptions,
): Promise<WatcherFanoutResult> {
  const [pageId] = await target.createDocuments(1);
  if (!pageId) throw new Error('No page was created.');
  const db = openBenchDatabase(target.database);
  try {
    db.seedWatchers(pageId, options.watchers);
    await target.restart();
    const api = new DiscussionApi(target.admin);
    // One fan-out before measuring, so the first measured one is not the process's first.
    const fanOut = async (label: string): Promise<number> => {
      const started = performance.now();
      const threadId = await api.createThread(pageId, `${label}: is this page still right?`);
      for (;;) {
        const count = db.countThreadNotifications(threadId);
        if (count >= options.watchers) return performance.now() - started;
        if (performance.now() - started > 120_000) {
          throw new Error(`Only ${count} of ${options.watchers} watchers were notified in 120 s.`);
        }
        await sleep(10);
      }
    };
    await fanOut('warm-up');
    const typingAlone = await placedFanout(target, supervisor, options.load, {
      loadGenerators: options.loadGenerators,
    });
    const fanoutMs: number[] = [];
    const typingDuringFanout = await placedFanout(target, supervisor, options.load, {
      loadGenerators: options.loadGenerators,
      duringWindow: async () => {
        for (let index = 0; index < options.fanouts; index++) {
          await sleep(options.fanoutGapMs);
          fanoutMs.push(await fanOut(`comment ${index + 1}`));
        }
      },
    });
    return { watchers: options.watchers, fanoutMs, typingAlone, typingDuringFanout };
  } finally {
    await db.close();
  }
}
