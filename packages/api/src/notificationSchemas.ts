import { emailDigestModes, type NotificationKind, notificationKinds } from '@lore/core';
import { z } from 'zod';
import { pageRefSchema } from './pageSchemas';
import { spaceRefSchema } from './spaceSchemas';

const kindSchema = z.enum(notificationKinds);

/** One notification, as its recipient sees it now. */
export const notificationSchema = z
  .object({
    id: z.string(),
    kind: kindSchema.describe(
      'mentioned, thread_reply, page_comment (a comment on a page you watch or own), page_changed (a watched page or space changed), page_shared (you were given a page or made a member of a space), thread_resolved',
    ),
    page: pageRefSchema
      .nullable()
      .describe(
        'The page it is about (title and address as they are now); null when it is about the space',
      ),
    space: spaceRefSchema,
    actor: z
      .object({ id: z.string(), displayName: z.string() })
      .nullable()
      .describe('Who caused it; null for the system or a deleted account'),
    threadId: z.string().nullable(),
    commentId: z.string().nullable(),
    createdAt: z.string(),
    read: z.boolean(),
    readAt: z.string().nullable(),
    archivedAt: z.string().nullable(),
  })
  .meta({ id: 'Notification' });

export const notificationListSchema = z.object({
  notifications: z
    .array(notificationSchema)
    .describe('Newest first; notifications about pages you can no longer read are left out'),
  unread: z.number().int().describe('Unread inbox notifications (about what you may read)'),
  nextBefore: z
    .string()
    .nullable()
    .describe('Pass as `before` for the next, older page; null at the end'),
});

export const unreadCountSchema = z.object({ unread: z.number().int() });

const channelsSchema = z.object({ in_app: z.boolean(), email: z.boolean() });
const channelsChangeSchema = z
  .strictObject({ in_app: z.boolean().optional(), email: z.boolean().optional() })
  .optional();

/** The same schema for every kind of notification. */
const perKind = <T extends z.ZodType>(schema: T) =>
  Object.fromEntries(notificationKinds.map((kind) => [kind, schema])) as Record<
    NotificationKind,
    T
  >;

/** A person's notification settings. */
export const notificationSettingsSchema = z
  .object({
    channels: z
      .object(perKind(channelsSchema))
      .describe('Per kind: shown in the inbox (in_app) and sent by email'),
    emailDigest: z
      .enum(emailDigestModes)
      .describe('instant: each email at once; daily or weekly: gathered into one'),
    autoWatch: z.boolean().describe('Watch pages you create, edit or comment on'),
  })
  .meta({ id: 'NotificationSettings' });

/** A change of settings: what is absent stays as it is. */
export const notificationSettingsChangeSchema = z.strictObject({
  channels: z.strictObject(perKind(channelsChangeSchema)).optional(),
  emailDigest: z.enum(emailDigestModes).optional(),
  autoWatch: z.boolean().optional(),
});

/** Whether the caller watches a page, and how. */
export const pageWatchSchema = z.object({
  pageId: z.string(),
  watching: z.boolean().describe('The page itself is watched'),
  viaSpace: z.boolean().describe('Its space is watched (so its changes are heard of either way)'),
});

export const spaceWatchSchema = z.object({ spaceId: z.string(), watching: z.boolean() });

/** What the caller watches and may still see, newest first. */
export const watchingSchema = z.object({
  pages: z.array(z.object({ page: pageRefSchema, space: spaceRefSchema, since: z.string() })),
  spaces: z.array(z.object({ space: spaceRefSchema, since: z.string() })),
});

export type NotificationJson = z.infer<typeof notificationSchema>;
export type NotificationList = z.infer<typeof notificationListSchema>;
export type NotificationSettingsJson = z.infer<typeof notificationSettingsSchema>;
export type NotificationSettingsChange = z.input<typeof notificationSettingsChangeSchema>;
export type PageWatch = z.infer<typeof pageWatchSchema>;
export type Watching = z.infer<typeof watchingSchema>;
