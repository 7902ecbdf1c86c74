import {
  notificationListSchema,
  notificationSettingsChangeSchema,
  notificationSettingsSchema,
  unreadCountSchema,
} from '@lore/api';
import { z } from 'zod';
import { defineRoute } from '../http/route';
import { openUnreadStream } from '../notifications/openUnreadStream';
import { presentNotification } from './presentNotification';
import { errorResponse } from './schemas';

const id = z.string().min(1).max(100);

export const notificationRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/notifications',
    tag: 'Notifications',
    summary:
      "The caller's notifications, newest first, a page at a time, with the unread count. Notifications about pages the caller can no longer read are left out",
    access: 'user',
    query: z.strictObject({
      before: id.optional().describe('The id of the last notification of the previous page'),
      limit: z.coerce.number().int().min(1).max(100).default(50),
      archived: z
        .enum(['true', 'false'])
        .default('false')
        .describe('true: the archived notifications instead of the inbox'),
    }),
    responses: {
      200: { description: 'The notifications', schema: notificationListSchema },
      400: errorResponse('`before` is not one of your notifications (`invalid_request`)'),
    },
    handler: ({ actor, query, services }) => {
      const list = services.notifications.list(actor, {
        archived: query.archived === 'true',
        limit: query.limit,
        ...(query.before !== undefined ? { before: query.before } : {}),
      });
      return {
        status: 200,
        body: {
          notifications: list.items.map(presentNotification),
          unread: services.notifications.unreadCount(actor),
          nextBefore: list.nextBefore,
        },
      };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/notifications/unread-count',
    tag: 'Notifications',
    summary: 'How many unread notifications the caller has',
    access: 'user',
    responses: { 200: { description: 'The count', schema: unreadCountSchema } },
    handler: ({ actor, services }) => ({
      status: 200,
      body: { unread: services.notifications.unreadCount(actor) },
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/notifications/stream',
    tag: 'Notifications',
    summary:
      'The unread count, live, as Server-Sent Events (`text/event-stream`): an `unread` event (`{"unread": n}`) on connect and whenever it changes. The stream ends after 10 minutes; EventSource reconnects by itself',
    access: 'user',
    query: z.strictObject({
      once: z
        .enum(['true', 'false'])
        .default('false')
        .describe('true: send the current count once and end'),
    }),
    responses: {
      200: { description: 'An event stream (`text/event-stream`) of `unread` events' },
    },
    handler: ({ actor, query, res, services }) => {
      res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
      res.setHeader('Cache-Control', 'no-cache, no-transform');
      // nginx and other proxies must pass each event on at once.
      res.setHeader('X-Accel-Buffering', 'no');
      res.flushHeaders();
      return {
        status: 200,
        stream: openUnreadStream({
          userId: actor.id,
          count: () => services.notifications.unreadCount(actor),
          signal: services.unreadSignal,
          pollMs: services.config.notifications.streamPollMs,
          once: query.once === 'true',
        }),
      };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/notifications/read-all',
    tag: 'Notifications',
    summary: "Mark every one of the caller's notifications read",
    access: 'user',
    responses: { 200: { description: 'The unread count after', schema: unreadCountSchema } },
    handler: ({ actor, services }) => {
      services.notifications.markAllRead(actor);
      return { status: 200, body: { unread: services.notifications.unreadCount(actor) } };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/notifications/:id/read',
    tag: 'Notifications',
    summary: 'Mark one of the caller’s notifications read (again is fine)',
    access: 'user',
    params: z.object({ id }),
    responses: {
      204: { description: 'Read' },
      404: errorResponse('Not one of your notifications (`notification_not_found`)'),
    },
    handler: ({ actor, params, services }) => {
      services.notifications.markRead(actor, params.id);
      return { status: 204 };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/notifications/:id/archive',
    tag: 'Notifications',
    summary: 'Archive one of the caller’s notifications: it leaves the inbox (and counts as read)',
    access: 'user',
    params: z.object({ id }),
    responses: {
      204: { description: 'Archived' },
      404: errorResponse('Not one of your notifications (`notification_not_found`)'),
    },
    handler: ({ actor, params, services }) => {
      services.notifications.archive(actor, params.id);
      return { status: 204 };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/notifications/settings',
    tag: 'Notifications',
    summary:
      "The caller's notification settings: per kind, the inbox and email; the email digest; whether to watch pages they create, edit or comment on",
    access: 'user',
    responses: { 200: { description: 'The settings', schema: notificationSettingsSchema } },
    handler: ({ actor, services }) => ({
      status: 200,
      body: services.notifications.settings(actor),
    }),
  }),
  defineRoute({
    method: 'put',
    path: '/api/notifications/settings',
    tag: 'Notifications',
    summary: "Change the caller's notification settings; what the body leaves out stays as it is",
    access: 'user',
    body: notificationSettingsChangeSchema,
    responses: {
      200: { description: 'The settings now', schema: notificationSettingsSchema },
      400: errorResponse('An unknown kind, channel or digest (`invalid_request`)'),
    },
    handler: ({ actor, body, services }) => ({
      status: 200,
      body: services.notifications.updateSettings(actor, body),
    }),
  }),
];
