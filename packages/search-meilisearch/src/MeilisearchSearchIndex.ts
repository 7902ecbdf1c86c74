import {
  correctQueryText,
  maxQueryLength,
  parseQuery,
  type SearchDocument,
  type SearchIndex,
  type SearchRequest,
  type SearchResults,
  type SynonymGroup,
} from '@lore/core';
import { type EnqueuedTaskPromise, type Index, type IndexSwap, Meilisearch } from 'meilisearch';
import { type MeiliPage, meiliDocument, meiliId } from './meiliDocument';
import { meiliFilter, meiliQueryText, meiliSearchParams } from './meiliSearchParams';
import { meiliSettings, meiliSynonyms } from './meiliSettings';
import { type MeiliHit, presentMeiliHit, typoCorrections } from './presentMeiliHit';

export interface MeilisearchIndexOptions {
  /** e.g. `http://127.0.0.1:7700` */
  readonly url: string;
  readonly apiKey?: string;
  /** Default `lore_pages`. */
  readonly indexUid?: string;
  /** Per HTTP request. Default 10 s. */
  readonly timeoutMs?: number;
  /** Longest wait for an indexing task. Default 60 s. */
  readonly taskTimeoutMs?: number;
}

const empty: SearchResults = { hits: [], total: 0, totalExact: true, didYouMean: null };
const batchSize = 1_000;

/** Thrown when Meilisearch accepted a task but could not carry it out. */
export class MeilisearchTaskError extends Error {}

/**
 * `SearchIndex` on a Meilisearch server through the official client, for installations that
 * outgrow the embedded index. Settings, synonyms and filterable attributes are applied by
 * `open`; every write resolves once Meilisearch has processed it.
 */
export class MeilisearchSearchIndex implements SearchIndex {
  readonly #client: Meilisearch;
  readonly #uid: string;
  readonly #taskTimeoutMs: number;
  #synonyms: readonly SynonymGroup[] = [];
  #prepared: Promise<void> | null = null;

  /**
   * Nothing is sent until the first call, which creates the index when missing and applies
   * Lore's settings; when Meilisearch is unreachable, calls fail and the next one tries again.
   */
  constructor(options: MeilisearchIndexOptions) {
    this.#client = new Meilisearch({
      host: options.url,
      ...(options.apiKey ? { apiKey: options.apiKey } : {}),
      timeout: options.timeoutMs ?? 10_000,
    });
    this.#uid = options.indexUid ?? 'lore_pages';
    this.#taskTimeoutMs = options.taskTimeoutMs ?? 60_000;
  }

  /** Creates the index when missing and applies the settings now (e.g. at start-up). */
  async open(): Promise<void> {
    this.#prepared ??= this.#prepare(this.#uid).catch((error: unknown) => {
      this.#prepared = null;
      throw error;
    });
    await this.#prepared;
  }

  async #ready(): Promise<Index<MeiliPage>> {
    await this.open();
    return this.#client.index<MeiliPage>(this.#uid);
  }

  async upsert(documents: readonly SearchDocument[]): Promise<void> {
    for (let start = 0; start < documents.length; start += batchSize) {
      const batch = documents.slice(start, start + batchSize).map(meiliDocument);
      await this.#wait((await this.#ready()).addDocuments(batch, { primaryKey: 'id' }));
    }
  }

  async remove(pageIds: readonly string[]): Promise<void> {
    if (pageIds.length === 0) return;
    await this.#wait((await this.#ready()).deleteDocuments(pageIds.map(meiliId)));
  }

  async clear(): Promise<void> {
    await this.#wait((await this.#ready()).deleteAllDocuments());
  }

  async setSynonyms(groups: readonly SynonymGroup[]): Promise<void> {
    this.#synonyms = groups;
    await this.#wait((await this.#ready()).updateSynonyms(meiliSynonyms(groups)));
  }

  async count(): Promise<number> {
    return (await (await this.#ready()).getStats()).numberOfDocuments;
  }

  /**
   * Builds a fresh index beside the live one and swaps them when it is complete, so searches
   * keep working on the old pages during the rebuild.
   */
  async rebuild(batches: AsyncIterable<readonly SearchDocument[]>): Promise<number> {
    await this.open();
    const next = `${this.#uid}_rebuild`;
    await this.#client.deleteIndexIfExists(next);
    await this.#prepare(next);
    let indexed = 0;
    for await (const batch of batches) {
      if (batch.length === 0) continue;
      await this.#wait(
        this.#client.index<MeiliPage>(next).addDocuments(batch.map(meiliDocument), {
          primaryKey: 'id',
        }),
      );
      indexed += batch.length;
    }
    // Without `rename`, which older servers refuse; a plain swap is the default anyway.
    const swap = { indexes: [this.#uid, next] } as IndexSwap;
    await this.#wait(this.#client.swapIndexes([swap]));
    await this.#wait(this.#client.deleteIndex(next));
    return indexed;
  }

  async search(request: SearchRequest): Promise<SearchResults> {
    const query = parseQuery(request.text);
    if (query.required.length === 0) return empty;
    const filter = meiliFilter(request);
    if (filter === null) return empty;
    const response = await (await this.#ready()).search(
      meiliQueryText(query),
      meiliSearchParams(request, filter),
    );
    const hits = response.hits as MeiliHit[];
    const corrections = typoCorrections(query, hits);
    const total = response.estimatedTotalHits ?? hits.length;
    return {
      hits: hits.map(presentMeiliHit),
      total,
      totalExact: total < 1000,
      didYouMean:
        corrections.size > 0
          ? correctQueryText(
              Array.from(request.text).slice(0, maxQueryLength).join(''),
              corrections,
            )
          : null,
    };
  }

  async close(): Promise<void> {}

  async #prepare(uid: string): Promise<void> {
    try {
      await this.#client.getIndex(uid);
    } catch {
      await this.#wait(this.#client.createIndex(uid, { primaryKey: 'id' }));
    }
    await this.#wait(this.#client.index(uid).updateSettings(meiliSettings(this.#synonyms)));
  }

  async #wait(enqueued: EnqueuedTaskPromise): Promise<void> {
    const task = await enqueued.waitTask({ timeout: this.#taskTimeoutMs });
    if (task.status !== 'succeeded') {
      throw new MeilisearchTaskError(
        `Meilisearch task ${task.uid} (${task.type}) ${task.status}: ${task.error?.message ?? 'no reason given'}`,
      );
    }
  }
}
