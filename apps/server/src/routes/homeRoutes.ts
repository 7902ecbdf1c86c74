import { homeSchema, sinceLastVisitSchema, spaceActivityListSchema } from '@lore/api';
import { type HomePage, ValidationError } from '@lore/core';
import { z } from 'zod';
import { defineRoute } from '../http/route';
import { presentNotification } from './presentNotification';
import { presentPageRef, presentSpaceRef } from './presentPage';
import { errorResponse } from './schemas';

const id = z.string().min(1).max(100);
const iso = (ms: number) => new Date(ms).toISOString();
const ref = ({ page, space }: HomePage) => ({
  page: presentPageRef(page, space),
  space: presentSpaceRef(space),
});
const cursorPattern = /^(\d{1,15})\.(\d{1,15})$/;

export const homeRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/home',
    tag: 'Home',
    summary:
      "The caller's Home: pages changed since their last visit, threads waiting for their reply, mentions, recent pages, pages they created and this week's popular pages (only what they may read now)",
    access: 'user',
    responses: { 200: { description: 'Home', schema: homeSchema } },
    handler: ({ actor, services }) => {
      const home = services.home.home(actor);
      return {
        status: 200,
        body: {
          updatedSinceLastVisit: home.updatedSinceLastVisit.map((item) => ({
            ...ref(item),
            updatedAt: iso(item.updatedAt),
            updatedBy: item.updatedBy,
            lastVisitAt: item.lastVisitAt === null ? null : iso(item.lastVisitAt),
          })),
          waitingForReply: home.waitingForReply.map((item) => ({
            ...ref(item),
            threadId: item.threadId,
            notification: presentNotification(item.notification),
          })),
          mentions: home.mentions.map(presentNotification),
          recent: home.recent.map((item) => ({ ...ref(item), at: iso(item.at), how: item.how })),
          drafts: home.drafts.map((item) => ({ ...ref(item), draft: item.draft })),
          popular: home.popular.map((item) => ({ ...ref(item), viewers: item.viewers })),
        },
      };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/spaces/:space/activity',
    tag: 'Home',
    summary:
      'What happened in a space, newest first: pages created, edited (one row per page, person and hour), commented on, moved, renamed, deleted and restored. Rows about pages the caller may not read are left out',
    access: 'user',
    params: z.object({ space: id.describe('The space id or slug') }),
    query: z.object({
      before: z
        .string()
        .regex(cursorPattern)
        .optional()
        .describe('The `nextBefore` of the previous page'),
      limit: z.coerce.number().int().min(1).max(100).default(30),
    }),
    responses: {
      200: { description: 'Activity', schema: spaceActivityListSchema },
      400: errorResponse('A malformed `before` or `limit` (`invalid_request`)'),
      404: errorResponse('No such space, or not one the caller may see (`space_not_found`)'),
    },
    handler: ({ actor, params, query, services }) => {
      const match = query.before ? cursorPattern.exec(query.before) : null;
      if (query.before && !match) throw new ValidationError('before: not a cursor.');
      const before = match ? { at: Number(match[1]), id: Number(match[2]) } : null;
      const result = services.spaceActivity.list(actor, params.space, before, query.limit);
      return {
        status: 200,
        body: {
          activity: result.entries.map(({ activity, page, actor: who }) => ({
            kind: activity.kind,
            page: presentPageRef(page, result.space),
            actor: who,
            at: iso(activity.at),
          })),
          nextBefore: result.next ? `${result.next.at}.${result.next.id}` : null,
        },
      };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/pages/:id/since-last-visit',
    tag: 'Home',
    summary:
      "When the caller's last visit of the page ended and, if someone changed it since, the revision to compare it with",
    access: 'user',
    params: z.object({ id }),
    responses: {
      200: { description: 'Since the last visit', schema: sinceLastVisitSchema },
      404: errorResponse('No such page (`page_not_found`)'),
    },
    handler: ({ actor, params, services }) => {
      const since = services.home.sinceLastVisit(actor, params.id);
      return {
        status: 200,
        body: {
          lastVisitAt: since.lastVisitAt === null ? null : iso(since.lastVisitAt),
          changed: since.changed,
          baseRevisionId: since.baseRevision?.id ?? null,
          updatedBy: since.updatedBy,
        },
      };
    },
  }),
];
