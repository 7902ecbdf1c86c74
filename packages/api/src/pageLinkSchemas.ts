import { z } from 'zod';
import { pageRefSchema } from './pageSchemas';
import { spaceRefSchema } from './spaceSchemas';

/** A page offered by `[[` autocomplete (`GET /api/pages/suggest`). */
export const suggestedPageSchema = pageRefSchema.extend({ space: spaceRefSchema });

export const suggestedPagesSchema = z.object({ pages: z.array(suggestedPageSchema) });

/** A live page that links to the page being viewed, with the text of each of its links. */
export const backlinkSchema = z.object({
  page: pageRefSchema,
  space: spaceRefSchema,
  texts: z.array(z.string()),
});

export const backlinksSchema = z.object({ backlinks: z.array(backlinkSchema) });

/** A link in a space's pages to a page that is in the trash or never existed. */
export const brokenLinkSchema = z.object({
  source: z.object({
    id: z.string(),
    shortId: z.string(),
    title: z.string(),
    url: z.string(),
  }),
  href: z.string(),
  text: z.string(),
  reason: z.enum(['deleted', 'missing']),
});

export const brokenLinksSchema = z.object({ brokenLinks: z.array(brokenLinkSchema) });

export type SuggestedPage = z.infer<typeof suggestedPageSchema>;
export type Backlink = z.infer<typeof backlinkSchema>;
export type BrokenLink = z.infer<typeof brokenLinkSchema>;
