import { spaceActivityKinds } from '@lore/core';
import { z } from 'zod';
import { notificationSchema } from './notificationSchemas';
import { pageRefSchema } from './pageSchemas';
import { spaceRefSchema } from './spaceSchemas';

const personSchema = z.object({ id: z.string(), name: z.string() }).meta({ id: 'PersonRef' });

const homePage = { page: pageRefSchema, space: spaceRefSchema };

/** The signed-in person's Home: every section is there, empty or not. */
export const homeSchema = z
  .object({
    updatedSinceLastVisit: z
      .array(
        z.object({
          ...homePage,
          updatedAt: z.string(),
          updatedBy: personSchema
            .nullable()
            .describe('Who changed it last (null: a deleted account)'),
          lastVisitAt: z
            .string()
            .nullable()
            .describe('When you last opened the page; null if you never did'),
        }),
      )
      .describe(
        'Pages you watch (or in spaces you watch) that someone else changed since your last visit of each, newest first',
      ),
    waitingForReply: z
      .array(z.object({ ...homePage, threadId: z.string(), notification: notificationSchema }))
      .describe(
        'Open threads where someone replied to you or mentioned you after your last comment',
      ),
    mentions: z.array(notificationSchema).describe('Your recent mentions, newest first'),
    recent: z
      .array(
        z.object({
          ...homePage,
          at: z.string(),
          how: z.enum(['viewed', 'created']),
        }),
      )
      .describe('Pages you opened or created recently, newest first'),
    drafts: z
      .array(
        z.object({
          ...homePage,
          draft: z.boolean().describe('Still untitled, so probably unfinished'),
        }),
      )
      .describe('Pages you created, newest first'),
    popular: z
      .array(
        z.object({
          ...homePage,
          viewers: z.number().int().describe('People who opened it in the last seven days'),
        }),
      )
      .describe('The pages most people opened in the last seven days'),
  })
  .meta({ id: 'Home' });

/** One row of a space's activity. */
export const spaceActivitySchema = z
  .object({
    kind: z.enum(spaceActivityKinds),
    page: pageRefSchema,
    actor: personSchema.nullable().describe('Who did it; null for the system'),
    at: z.string().describe('When (for edits: the latest edit of that hour)'),
  })
  .meta({ id: 'SpaceActivity' });

export const spaceActivityListSchema = z.object({
  activity: z.array(spaceActivitySchema).describe('Newest first'),
  nextBefore: z
    .string()
    .nullable()
    .describe('Pass as `before` for the next, older page; null at the end'),
});

/** Whether a page changed since the reader's last visit. */
export const sinceLastVisitSchema = z.object({
  lastVisitAt: z
    .string()
    .nullable()
    .describe('When your last visit ended (not counting the one going on); null: your first visit'),
  changed: z.boolean().describe('Someone else changed the page after that'),
  baseRevisionId: z
    .string()
    .nullable()
    .describe('The newest revision from before your last visit, to compare the page with'),
  updatedBy: personSchema.nullable(),
});

export type HomeJson = z.infer<typeof homeSchema>;
export type SpaceActivityJson = z.infer<typeof spaceActivitySchema>;
export type SpaceActivityList = z.infer<typeof spaceActivityListSchema>;
export type SinceLastVisitJson = z.infer<typeof sinceLastVisitSchema>;
