import { pageTagsBodySchema, pageTagsSchema, tagCountsSchema } from '@lore/api';
import { z } from 'zod';
import { defineRoute } from '../http/route';
import { errorResponse } from './schemas';

const pageParams = z.object({ id: z.string().min(1).max(100) });

export const tagRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/pages/:id/tags',
    tag: 'Tags',
    summary: "A page's tags, in order",
    access: 'user',
    params: pageParams,
    responses: {
      200: { description: 'The tags', schema: pageTagsSchema },
      404: errorResponse('No such page (`page_not_found`)'),
    },
    handler: ({ actor, params, services }) => ({
      status: 200,
      body: { tags: services.tags.pageTags(actor, params.id) },
    }),
  }),
  defineRoute({
    method: 'put',
    path: '/api/pages/:id/tags',
    tag: 'Tags',
    summary: "Replace a page's tags; search filters by them within a second",
    access: 'user',
    params: pageParams,
    body: pageTagsBodySchema,
    responses: {
      200: { description: 'The tags as stored', schema: pageTagsSchema },
      400: errorResponse('A tag is empty, too long, or holds a comma (`invalid_request`)'),
      403: errorResponse('Guests cannot change tags'),
      404: errorResponse('No such page, or it is in the trash (`page_not_found`)'),
    },
    handler: ({ actor, params, body, services }) => ({
      status: 200,
      body: { tags: services.tags.setPageTags(actor, params.id, body.tags) },
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/tags',
    tag: 'Tags',
    summary: 'Tags in use on live pages, most used first (for suggestions while tagging)',
    access: 'user',
    query: z.object({
      prefix: z.string().max(200).optional().describe('only tags starting with this, any case'),
      limit: z.coerce.number().int().min(1).max(100).optional(),
    }),
    responses: {
      200: {
        description: 'Tags with the number of pages carrying each',
        schema: tagCountsSchema,
      },
    },
    handler: ({ actor, query, services }) => ({
      status: 200,
      body: { tags: services.tags.listTags(actor, query.prefix ?? '', query.limit ?? 20) },
    }),
  }),
];
