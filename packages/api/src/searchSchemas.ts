import { z } from 'zod';

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

/** The fields of a glossary term as people write them. */
export const glossaryFields = {
  term: z.string().max(400).describe('e.g. PTO'),
  meaning: z.string().max(8000).describe('what it means, shown on hover in the editor'),
  expansions: z
    .array(z.string().max(400))
    .max(50)
    .describe('other ways to say it, e.g. "paid time off"; search treats them as synonyms'),
};

/** A new term, or every field of a changed one. */
export const glossaryInputSchema = z.strictObject(glossaryFields);

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

/** The answer to `GET /api/search`. */
export const searchResponseSchema = z.object({
  results: z.array(searchHitSchema),
  total: z.number().describe('matching readable pages (a lower bound when totalExact is false)'),
  totalExact: z.boolean(),
  didYouMean: z.string().nullable(),
  searchId: z.string().nullable().describe('send it with POST /api/search/clicks'),
  tookMs: z.number(),
});

/** The answer to `GET /api/search/status`. */
export const searchStatusSchema = z.object({
  engine: z.enum(['fts5', 'postgres', 'meilisearch']),
  pending: z.number().describe('pages changed but not yet searchable'),
  lastError: z.string().nullable(),
  lastIndexedAt: z.string().nullable(),
});

/** The answer to `GET /api/admin/search-analytics`. */
export const searchAnalyticsReportSchema = z.object({
  since: z.string(),
  searches: z.number(),
  searchesWithClicks: z.number(),
  zeroResultSearches: z.number(),
  clicks: z.number(),
  clickThroughRate: z.number().describe('searches with a click / searches'),
  topQueries: z.array(queryStatSchema),
  zeroResultQueries: z.array(queryStatSchema),
});

export type HighlightRange = z.infer<typeof highlightRangeSchema>;
export type SearchHit = z.infer<typeof searchHitSchema>;
export type SearchPerson = NonNullable<SearchHit['updatedBy']>;
export type SearchResponse = z.infer<typeof searchResponseSchema>;
export type SearchStatus = z.infer<typeof searchStatusSchema>;
export type GlossaryInput = z.infer<typeof glossaryInputSchema>;
export type GlossaryTerm = z.infer<typeof glossaryTermSchema>;
export type QueryStat = z.infer<typeof queryStatSchema>;
export type SearchAnalyticsReport = z.infer<typeof searchAnalyticsReportSchema>;
