import type { ReadScope, SearchIndex } from '@lore/core';
import { type LatencySummary, summarizeLatencies } from '../stats/summarizeLatencies';
import type { QueryClass } from './queryClasses';

export interface ClassLatency {
  readonly name: string;
  readonly description: string;
  /** Wall-clock time per query, in ms. */
  readonly wall: LatencySummary;
  /** CPU time of this process per query, in ms: what the query costs without other load. */
  readonly cpu: LatencySummary;
  /** Median number of results reported. */
  readonly medianTotal: number;
}

/**
 * Runs every query of each class `rounds` times (after one warm-up round) against the index,
 * as the search route does: first page of 20, within what the searcher may read — `scopeOf`
 * is asked for every query (inside the timing), as the route asks the access policy.
 */
export async function measureQueries(
  index: SearchIndex,
  classes: readonly QueryClass[],
  scopeOf: () => ReadScope,
  rounds: number,
): Promise<ClassLatency[]> {
  const run = (text: string) => {
    const scope = scopeOf();
    return index.search({
      text,
      readableSpaceIds: scope.readableSpaceIds,
      hiddenPageIds: scope.hiddenPageIds,
      limit: 20,
      offset: 0,
    });
  };
  for (const queryClass of classes) for (const query of queryClass.queries) await run(query);
  const results: ClassLatency[] = [];
  for (const queryClass of classes) {
    const wall: number[] = [];
    const cpu: number[] = [];
    const totals: number[] = [];
    for (let round = 0; round < rounds; round += 1) {
      for (const query of queryClass.queries) {
        const startedCpu = process.cpuUsage();
        const started = performance.now();
        const result = await run(query);
        wall.push(performance.now() - started);
        const used = process.cpuUsage(startedCpu);
        cpu.push((used.user + used.system) / 1000);
        totals.push(result.total);
      }
    }
    totals.sort((a, b) => a - b);
    results.push({
      name: queryClass.name,
      description: queryClass.description,
      wall: summarizeLatencies(wall),
      cpu: summarizeLatencies(cpu),
      medianTotal: totals[Math.floor(totals.length / 2)] ?? 0,
    });
  }
  return results;
}
