import { maxTagLength, maxTagsPerPage } from '@lore/core';
import { z } from 'zod';

/** A page's tags, in order. */
export const pageTagsSchema = z.object({ tags: z.array(z.string()) }).meta({ id: 'PageTags' });

/** Tags in use, most used first, with the number of pages carrying each. */
export const tagCountsSchema = z.object({
  tags: z.array(z.object({ tag: z.string(), pages: z.number() })),
});

export const pageTagsBodySchema = z.strictObject({
  tags: z
    .array(z.string().max(200))
    .max(200)
    .describe(
      `up to ${maxTagsPerPage} tags of up to ${maxTagLength} characters; duplicates (ignoring case) and a leading # are dropped`,
    ),
});

export type TagCount = z.infer<typeof tagCountsSchema>['tags'][number];
