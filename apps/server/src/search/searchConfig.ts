import { z } from 'zod';

/** Which search engine serves the wiki, and how to reach it. */
export type SearchConfig =
  | { readonly engine: 'fts5' }
  | {
      readonly engine: 'meilisearch';
      readonly url: string;
      readonly apiKey: string | null;
      /** Default `lore_pages`. */
      readonly indexUid?: string;
    };

/** The search variables of the environment, merged into the server's config schema. */
export const searchConfigShape = {
  LORE_SEARCH: z.enum(['fts5', 'meilisearch']).default('fts5'),
  MEILISEARCH_URL: z
    .url({ protocol: /^https?$/, message: 'must be an http(s) URL such as http://127.0.0.1:7700' })
    .optional(),
  MEILISEARCH_KEY: z.string().min(1).optional(),
};

type SearchEnv = {
  LORE_SEARCH: 'fts5' | 'meilisearch';
  MEILISEARCH_URL?: string | undefined;
  MEILISEARCH_KEY?: string | undefined;
};

/** The search part of the configuration; the message names what is missing. */
export function searchConfigFrom(env: SearchEnv): SearchConfig | { error: string } {
  if (env.LORE_SEARCH === 'fts5') return { engine: 'fts5' };
  if (!env.MEILISEARCH_URL) {
    return { error: 'LORE_SEARCH=meilisearch needs MEILISEARCH_URL (e.g. http://127.0.0.1:7700).' };
  }
  return { engine: 'meilisearch', url: env.MEILISEARCH_URL, apiKey: env.MEILISEARCH_KEY ?? null };
}
