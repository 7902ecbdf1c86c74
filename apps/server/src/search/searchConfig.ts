import { z } from 'zod';

/** Which search engine serves the wiki, and how to reach it. */
export type SearchConfig =
  | { readonly engine: 'fts5' }
  | { readonly engine: 'postgres' }
  | {
      readonly engine: 'meilisearch';
      readonly url: string;
      readonly apiKey: string | null;
      /** Default `lore_pages`. */
      readonly indexUid?: string;
    };

/** The search variables of the environment, merged into the server's config schema. */
export const searchConfigShape = {
  // Default: the engine of the store's own database (FTS5 in SQLite, full text in PostgreSQL).
  LORE_SEARCH: z.enum(['fts5', 'postgres', 'meilisearch']).optional(),
  MEILISEARCH_URL: z
    .url({ protocol: /^https?$/, message: 'must be an http(s) URL such as http://127.0.0.1:7700' })
    .optional(),
  MEILISEARCH_KEY: z.string().min(1).optional(),
};

type SearchEnv = {
  LORE_STORE: 'sqlite' | 'postgres';
  LORE_SEARCH?: 'fts5' | 'postgres' | 'meilisearch' | undefined;
  MEILISEARCH_URL?: string | undefined;
  MEILISEARCH_KEY?: string | undefined;
};

/** The search part of the configuration; the message names what is missing. */
export function searchConfigFrom(env: SearchEnv): SearchConfig | { error: string } {
  const engine = env.LORE_SEARCH ?? (env.LORE_STORE === 'postgres' ? 'postgres' : 'fts5');
  if (engine === 'fts5') {
    if (env.LORE_STORE !== 'sqlite') {
      return {
        error:
          'LORE_SEARCH=fts5 searches the SQLite file; with LORE_STORE=postgres use LORE_SEARCH=postgres or meilisearch.',
      };
    }
    return { engine: 'fts5' };
  }
  if (engine === 'postgres') {
    if (env.LORE_STORE !== 'postgres') {
      return { error: 'LORE_SEARCH=postgres needs LORE_STORE=postgres and LORE_DATABASE_URL.' };
    }
    return { engine: 'postgres' };
  }
  if (!env.MEILISEARCH_URL) {
    return { error: 'LORE_SEARCH=meilisearch needs MEILISEARCH_URL (e.g. http://127.0.0.1:7700).' };
  }
  return { engine: 'meilisearch', url: env.MEILISEARCH_URL, apiKey: env.MEILISEARCH_KEY ?? null };
}
