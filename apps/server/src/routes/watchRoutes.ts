import { pageWatchSchema, spaceWatchSchema, watchingSchema } from '@lore/api';
import type { PageWatchState } from '@lore/core';
import { z } from 'zod';
import { defineRoute } from '../http/route';
import { presentWatching } from './presentNotification';
import { errorResponse } from './schemas';

const id = z.string().min(1).max(100);

const presentPageWatch = (state: PageWatchState) => ({
  pageId: state.page.id,
  watching: state.watching,
  viaSpace: state.viaSpace,
});

export const watchRoutes = [
  defineRoute({
    method: 'post',
    path: '/api/pages/:id/watch',
    tag: 'Notifications',
    summary: 'Watch a page: hear of its changes and comments. Needs read access to a live page',
    access: 'user',
    params: z.object({ id }),
    responses: {
      200: { description: 'Watched', schema: pageWatchSchema },
      404: errorResponse('No such page, or it is in the trash (`page_not_found`)'),
    },
    handler: ({ actor, params, services }) => ({
      status: 200,
      body: presentPageWatch(services.watches.watchPage(actor, params.id)),
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/pages/:id/watch',
    tag: 'Notifications',
    summary: 'Whether the caller watches a page, directly or through its space',
    access: 'user',
    params: z.object({ id }),
    responses: {
      200: { description: 'The watch', schema: pageWatchSchema },
      404: errorResponse('No such page (`page_not_found`)'),
    },
    handler: ({ actor, params, services }) => ({
      status: 200,
      body: presentPageWatch(services.watches.pageState(actor, params.id)),
    }),
  }),
  defineRoute({
    method: 'delete',
    path: '/api/pages/:id/watch',
    tag: 'Notifications',
    summary: 'Stop watching a page (its space may still be watched: see `viaSpace`)',
    access: 'user',
    params: z.object({ id }),
    responses: {
      200: { description: 'Not watched', schema: pageWatchSchema },
      404: errorResponse('No such page (`page_not_found`)'),
    },
    handler: ({ actor, params, services }) => ({
      status: 200,
      body: presentPageWatch(services.watches.unwatchPage(actor, params.id)),
    }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/spaces/:space/watch',
    tag: 'Notifications',
    summary: 'Watch a space (by id or slug): hear of changes to every page in it',
    access: 'user',
    params: z.object({ space: id }),
    responses: {
      200: { description: 'Watched', schema: spaceWatchSchema },
      404: errorResponse('No such space (`space_not_found`)'),
    },
    handler: ({ actor, params, services }) => ({
      status: 200,
      body: { spaceId: services.watches.watchSpace(actor, params.space).id, watching: true },
    }),
  }),
  defineRoute({
    method: 'delete',
    path: '/api/spaces/:space/watch',
    tag: 'Notifications',
    summary: 'Stop watching a space (pages watched one by one stay watched)',
    access: 'user',
    params: z.object({ space: id }),
    responses: {
      200: { description: 'Not watched', schema: spaceWatchSchema },
      404: errorResponse('No such space (`space_not_found`)'),
    },
    handler: ({ actor, params, services }) => ({
      status: 200,
      body: { spaceId: services.watches.unwatchSpace(actor, params.space).id, watching: false },
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/watching',
    tag: 'Notifications',
    summary:
      'The pages and spaces the caller watches, newest first (what they can no longer see is left out)',
    access: 'user',
    responses: { 200: { description: 'What is watched', schema: watchingSchema } },
    handler: ({ actor, services }) => ({
      status: 200,
      body: presentWatching(services.watches.watching(actor)),
    }),
  }),
];
