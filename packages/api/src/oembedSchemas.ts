import { z } from 'zod';

/** An oEmbed answer (link type) for the public address of a shared page. */
export const oembedSchema = z
  .object({
    version: z.literal('1.0'),
    type: z.literal('link'),
    title: z.string(),
    description: z.string().describe("The start of the page's text"),
    url: z.string().describe('The shared page'),
    provider_name: z.string(),
    provider_url: z.string(),
    cache_age: z.number().int().describe('Seconds; links can be revoked at any time'),
  })
  .meta({ id: 'OEmbed' });

export type OEmbed = z.infer<typeof oembedSchema>;
