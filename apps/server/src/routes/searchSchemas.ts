import { z } from 'zod';

/** A query parameter given once or repeated (`?tag=a&tag=b`), as a list. */
export const repeatable = z
  .union([z.string().max(200), z.array(z.string().max(200)).max(20)])
  .optional()
  .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]));

export const highlightRangeSchema = z
  .object({
    start: z.number().int().nonnegative().describe('first highlighted UTF-16 code unit'),
    end: z.number().int().nonnegative().describe('one past the last highlighted UTF-16 code unit'),
  })
  .meta({ id: 'HighlightRange' });

const highlights = z
  .array(highlightRangeSchema)
  .describe('the matches, sorted and non-overlapping, as offsets into the text');

export const searchHitSchema = z
  .object({
    pageId: z.string(),
    shortId: z.string(),
    url: z.string().describe('permanent link: /s/<shortId>'),
    title: z.string(),
    titleHighlights: highlights,
    titleHtml: z.string().describe('the title, HTML-escaped, matches in <mark>'),
    snippet: z
      .string()
      .describe('plain-text excerpt around the best match; "… " / " …" mark left-out text'),
    snippetHighlights: highlights,
    snippetHtml: z.string().describe('the snippet, HTML-escaped, matches in <mark>'),
    space: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
    path: z.array(z.string()).describe('space name, then ancestor titles'),
    updatedAt: z.string(),
    updatedBy: z
      .object({ id: z.string(), displayName: z.string(), color: z.string() })
      .nullable()
      .describe('who last changed the page, when known'),
  })
  .meta({ id: 'SearchHit' });

export const glossaryTermSchema = z
  .object({
    id: z.string(),
    term: z.string(),
    meaning: z.string(),
    expansions: z.array(z.string()).describe('synonyms search also matches'),
    createdAt: z.string(),
    updatedAt: z.string(),
    updatedBy: z.string().nullable(),
  })
  .meta({ id: 'GlossaryTerm' });

export const queryStatSchema = z
  .object({
    query: z.string(),
    searches: z.number(),
    clicks: z.number(),
    clickThroughRate: z.number(),
    results: z.number().describe('results of the latest such search'),
    lastSearchedAt: z.string(),
  })
  .meta({ id: 'QueryStat' });
