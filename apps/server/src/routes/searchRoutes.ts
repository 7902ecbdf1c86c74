import { searchResponseSchema, searchStatusSchema } from '@lore/api';
import type { Space } from '@lore/core';
import { z } from 'zod';
import { HttpError } from '../http/HttpError';
import { defineRoute } from '../http/route';
import type { SearchServices } from '../search/SearchServices';
import { presentSearchHit } from './presentSearchHit';
import { errorResponse } from './schemas';
import { repeatable } from './searchSchemas';

const updatedAfter = z
  .string()
  .max(40)
  .optional()
  .transform((value, context) => {
    if (value === undefined || value === '') return undefined;
    const time = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
    if (!Number.isFinite(time)) {
      context.addIssue({
        code: 'custom',
        message: 'must be an ISO 8601 date or epoch milliseconds',
      });
      return z.NEVER;
    }
    return time;
  });

const searchQuery = z.object({
  q: z.string().max(20_000).optional().describe('what the user typed; any text is valid'),
  space: repeatable.describe('space id or slug; repeat for several'),
  author: repeatable.describe('user id; pages that user created or edited'),
  tag: repeatable.describe('pages carrying every given tag'),
  updatedAfter: updatedAfter.describe('ISO 8601 date or epoch milliseconds'),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  offset: z.coerce.number().int().min(0).max(1000).default(0),
  record: z
    .enum(['true', 'false'])
    .default('true')
    .describe('false: leave this search out of the analytics'),
});

/** Space ids for a filter: slugs are resolved; unknown values stay (and match nothing). */
function spaceIds(search: SearchServices, values: readonly string[]): string[] {
  return values.map(
    (value) =>
      (search.spaces.findSpaceById(value) ?? search.spaces.findSpaceBySlug(value))?.id ?? value,
  );
}

export const searchRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/search',
    tag: 'Search',
    summary:
      'Search readable pages as you type: typo-tolerant, with filters, highlighted snippets and "did you mean"',
    access: 'user',
    query: searchQuery,
    responses: {
      200: {
        description: 'Results, best first',
        schema: searchResponseSchema,
      },
      503: errorResponse('The search engine is unreachable (`search_unavailable`)'),
    },
    handler: async ({ actor, query, services }) => {
      const started = performance.now();
      const search = services.search;
      let outcome: Awaited<ReturnType<typeof search.search.search>>;
      try {
        outcome = await search.search.search(actor, {
          text: query.q ?? '',
          filters: {
            ...(query.space.length > 0 ? { spaceIds: spaceIds(search, query.space) } : {}),
            ...(query.author.length > 0 ? { authorIds: query.author } : {}),
            ...(query.tag.length > 0 ? { tags: query.tag } : {}),
            ...(query.updatedAfter !== undefined ? { updatedAfter: query.updatedAfter } : {}),
          },
          limit: query.limit,
          offset: query.offset,
          record: query.record === 'true',
        });
      } catch (error) {
        // Only an unreachable engine gets here: every text is a valid query.
        throw Object.assign(
          new HttpError(
            503,
            'search_unavailable',
            'Search is unavailable right now; try again shortly.',
          ),
          { cause: error },
        );
      }
      const spaces = new Map<string, Space | null>();
      const spaceOf = (id: string) => {
        if (!spaces.has(id)) spaces.set(id, search.spaces.findSpaceById(id));
        return spaces.get(id) ?? null;
      };
      // Hits are already limited to readable pages, so naming their last editor reveals nothing.
      const editorIds = new Map<string, string>();
      for (const hit of outcome.hits) {
        const editor = services.pageStore.findPageById(hit.pageId)?.updatedBy;
        if (editor) editorIds.set(hit.pageId, editor);
      }
      const people = new Map(
        services.revisions.people(editorIds.values()).map((person) => [person.id, person]),
      );
      const editorOf = (pageId: string) => people.get(editorIds.get(pageId) ?? '') ?? null;
      return {
        status: 200,
        body: {
          results: outcome.hits.map((hit) =>
            presentSearchHit(hit, spaceOf(hit.spaceId), editorOf(hit.pageId)),
          ),
          total: outcome.total,
          totalExact: outcome.totalExact,
          didYouMean: outcome.didYouMean,
          searchId: outcome.searchId,
          tookMs: Math.round((performance.now() - started) * 10) / 10,
        },
      };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/search/clicks',
    tag: 'Search',
    summary: 'Report that the user opened a search result (click-through analytics, popularity)',
    access: 'user',
    body: z.strictObject({
      searchId: z.string().min(1).max(100),
      pageId: z.string().min(1).max(100),
      position: z.number().int().min(0).max(1000).describe('0-based rank of the result'),
    }),
    responses: {
      204: { description: 'Recorded' },
      404: errorResponse('No such search (`search_not_found`)'),
    },
    handler: ({ actor, body, services }) => {
      if (!services.search.search.recordClick(actor, body)) {
        throw new HttpError(
          404,
          'search_not_found',
          'That search was not recorded or has expired.',
        );
      }
      return { status: 204 };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/search/status',
    tag: 'Search',
    summary: 'The search engine in use and how many pages wait to be indexed',
    access: 'user',
    responses: {
      200: {
        description: 'Indexing status',
        schema: searchStatusSchema,
      },
    },
    handler: ({ services }) => {
      const status = services.search.indexer.status();
      return {
        status: 200,
        body: {
          engine: services.search.engine,
          pending: status.pending,
          lastError: status.lastError,
          lastIndexedAt:
            status.lastIndexedAt === null ? null : new Date(status.lastIndexedAt).toISOString(),
        },
      };
    },
  }),
];
