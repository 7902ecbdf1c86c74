import { isPageLive, type ReadScope } from '@lore/core';
import { type LatencySummary, summarizeLatencies } from '../stats/summarizeLatencies';
import type { AccessWorld } from './buildAccessWorld';
import { seededRandom } from './generatedPages';

export interface AccessChecks {
  /** The websocket door's decision for one (person, page): find the page, live, access. */
  readonly joinCheck: LatencySummary;
  /** What a search computes before it queries: the searcher's spaces and hidden pages. */
  readonly readScope: LatencySummary;
  readonly scope: ReadScope;
  /** Share of all pages the searcher may read. */
  readonly readableShare: number;
}

/** Times the access checks the doors make, on the world's real SQLite stores. */
export function measureAccessChecks(world: AccessWorld, samples: number): AccessChecks {
  const random = seededRandom(11);
  const join: number[] = [];
  for (let index = 0; index < samples + 100; index += 1) {
    const user = world.users[Math.floor(random() * world.users.length)];
    const pageId = world.pageIds[Math.floor(random() * world.pageIds.length)] ?? '';
    const started = performance.now();
    const page = world.pages.findPageById(pageId);
    if (page && isPageLive(world.pages, page) && user) world.policy.pageAccess(user, page);
    // The first hundred warm the statement caches.
    if (index >= 100) join.push(performance.now() - started);
  }
  const scopes: number[] = [];
  let scope: ReadScope = { readableSpaceIds: [], hiddenPageIds: [] };
  for (let index = 0; index < Math.max(20, samples / 10) + 5; index += 1) {
    const started = performance.now();
    scope = world.policy.readScope(world.searcher);
    if (index >= 5) scopes.push(performance.now() - started);
  }
  const readable = new Set(scope.readableSpaceIds);
  const hidden = new Set(scope.hiddenPageIds);
  let readablePages = 0;
  for (const pageId of world.pageIds) {
    const page = world.pages.findPageById(pageId);
    if (page && readable.has(page.spaceId) && !hidden.has(page.id)) readablePages += 1;
  }
  return {
    joinCheck: summarizeLatencies(join),
    readScope: summarizeLatencies(scopes),
    scope,
    readableShare: readablePages / world.pageIds.length,
  };
}
