import {
  mentionablePeopleSchema,
  mentionableQuerySchema,
  mentionCheckBodySchema,
  mentionCheckSchema,
} from '@lore/api';
import { z } from 'zod';
import { defineRoute } from '../http/route';
import { errorResponse } from './schemas';

const pageParams = z.object({ id: z.string().min(1).max(100) });

/** Helpers for writing mentions (`@[Name](user:id)`) on a page: who, and what it runs into. */
export const mentionRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/pages/:id/mentionable',
    tag: 'Comments',
    summary:
      'People who can be mentioned on the page, for the `@` autocomplete: active accounts whose name or email starts with or contains `q`, those who can read the page first. Needs comment access',
    access: 'user',
    params: pageParams,
    query: mentionableQuerySchema,
    responses: {
      200: { description: 'The people, best first', schema: mentionablePeopleSchema },
      400: errorResponse('A bad `q` or `limit` (`invalid_request`)'),
      403: errorResponse('The caller may read the page but not comment on it'),
      404: errorResponse('No such page (`page_not_found`)'),
    },
    handler: ({ actor, params, query, services }) => ({
      status: 200,
      body: {
        people: services.mentions.mentionable(actor, params.id, query.q ?? '', query.limit ?? 10),
      },
    }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/pages/:id/mention-check',
    tag: 'Comments',
    summary:
      'Which of these people cannot read the page (a mention would not reach them), and whether the caller could give them access (admin of the page). Needs comment access; changes nothing',
    access: 'user',
    params: pageParams,
    body: mentionCheckBodySchema,
    responses: {
      200: { description: 'What mentioning them would run into', schema: mentionCheckSchema },
      400: errorResponse('No ids, too many, or not strings (`invalid_request`)'),
      403: errorResponse('The caller may read the page but not comment on it'),
      404: errorResponse('No such page (`page_not_found`)'),
    },
    handler: ({ actor, params, body, services }) => ({
      status: 200,
      body: services.mentions.check(actor, params.id, body.userIds),
    }),
  }),
];
