import { TimeSlicer } from '../../background/TimeSlicer';
import type { BackgroundWork } from '../../transfer/BackgroundWork';
import type { SearchDocument } from '../SearchDocument';
import type { SearchIndex, SynonymGroup } from '../SearchIndex';
import type { SearchDocumentSource } from './SearchDocumentSource';
import type { OutboxEntry, SearchOutbox } from './SearchOutbox';

/** Where the synonyms come from (the glossary), with a version that grows on every change. */
export interface SynonymSource {
  version(): number;
  groups(): SynonymGroup[];
}

export interface SearchIndexerOptions {
  readonly index: SearchIndex;
  readonly outbox: SearchOutbox;
  readonly source: SearchDocumentSource;
  readonly synonyms?: SynonymSource;
  /** Body edits are indexed once a page has been quiet this long. Default 300 ms. */
  readonly quietMs?: number;
  /** …and at least this often while edits keep coming. Default 10 s. */
  readonly maxWaitMs?: number;
  /** How often the outbox is checked. Default 200 ms. */
  readonly pollMs?: number;
  /** Pages indexed per round trip to the engine. Default 200. */
  readonly batchSize?: number;
  /** Longest wait before retrying a failed page. Default 60 s. */
  readonly maxRetryMs?: number;
  /**
   * Paces the loading of pages between turns of the event loop, shared with the process's other
   * background work. Default: a 2 ms slicer of its own.
   */
  readonly slicer?: TimeSlicer;
  /** Errors the indexer recovered from (an engine that is down, a page that failed to load). */
  readonly onError?: (error: unknown, context: { during: string; pageId?: string }) => void;
}

export interface IndexerStatus {
  readonly pending: number;
  readonly lastError: string | null;
  readonly lastIndexedAt: number | null;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Keeps a search index in step with the pages: drains the outbox (debounced per page, in
 * batches), retries with exponential backoff while the engine is down, pushes the glossary's
 * synonyms whenever they changed, and rebuilds everything on request.
 */
export class SearchIndexer implements BackgroundWork {
  readonly #index: SearchIndex;
  readonly #outbox: SearchOutbox;
  readonly #source: SearchDocumentSource;
  readonly #synonyms: SynonymSource | undefined;
  readonly #quietMs: number;
  readonly #maxWaitMs: number;
  readonly #pollMs: number;
  readonly #batchSize: number;
  readonly #maxRetryMs: number;
  readonly #slicer: TimeSlicer;
  readonly #onError: (error: unknown, context: { during: string; pageId?: string }) => void;
  #synonymVersion: number | null = null;
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<number> | null = null;
  #stopped = true;
  #paused = 0;
  #lastError: string | null = null;
  #lastIndexedAt: number | null = null;

  constructor(options: SearchIndexerOptions) {
    this.#index = options.index;
    this.#outbox = options.outbox;
    this.#source = options.source;
    this.#synonyms = options.synonyms;
    this.#quietMs = options.quietMs ?? 300;
    this.#maxWaitMs = options.maxWaitMs ?? 10_000;
    this.#pollMs = options.pollMs ?? 200;
    this.#batchSize = options.batchSize ?? 200;
    this.#maxRetryMs = options.maxRetryMs ?? 60_000;
    this.#slicer = options.slicer ?? new TimeSlicer();
    this.#onError = options.onError ?? (() => {});
  }

  /** Starts polling the outbox. */
  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.#schedule(0);
  }

  /** Stops polling and waits for the round in progress. Pending entries stay in the outbox. */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    await this.#running?.catch(() => 0);
  }

  /** Checks the outbox now instead of at the next poll (e.g. right after a page was created). */
  kick(): void {
    if (!this.#stopped) this.#schedule(0);
  }

  /**
   * Holds polling back while `work` runs (a bulk import), then indexes what it queued, in full
   * batches. Explicit `drain()` calls still run. Nests.
   */
  async pauseWhile<T>(work: () => Promise<T>): Promise<T> {
    this.#paused += 1;
    try {
      return await work();
    } finally {
      this.#paused -= 1;
      if (this.#paused === 0) this.kick();
    }
  }

  status(): IndexerStatus {
    return {
      pending: this.#outbox.size(),
      lastError: this.#lastError,
      lastIndexedAt: this.#lastIndexedAt,
    };
  }

  /**
   * Indexes every due entry (and pushes changed synonyms); resolves to the number of pages
   * handled. Runs one round at a time: a call during a round waits for it, then runs another.
   */
  async drain(): Promise<number> {
    while (this.#running) await this.#running.catch(() => 0);
    this.#running = this.#drain();
    try {
      return await this.#running;
    } finally {
      this.#running = null;
    }
  }

  /**
   * Rebuilds the whole index from the pages (`lore reindex`). Entries already in the outbox
   * are covered by the rebuild; changes made meanwhile stay in it and are indexed after.
   */
  async rebuild(onProgress?: (done: number, total: number) => void): Promise<number> {
    const covered = this.#outbox.snapshot();
    const pageIds = this.#source.searchablePageIds();
    const batchSize = this.#batchSize;
    const source = this.#source;
    const onError = this.#onError;
    onProgress?.(0, pageIds.length);
    async function* batches(): AsyncGenerator<SearchDocument[]> {
      for (let start = 0; start < pageIds.length; start += batchSize) {
        const documents: SearchDocument[] = [];
        for (const pageId of pageIds.slice(start, start + batchSize)) {
          try {
            const document = await source.load(pageId);
            if (document) documents.push(document);
          } catch (error) {
            onError(error, { during: 'load', pageId });
          }
        }
        yield documents;
        onProgress?.(Math.min(pageIds.length, start + batchSize), pageIds.length);
      }
    }
    const indexed = await this.#index.rebuild(batches());
    this.#outbox.done(covered);
    this.#synonymVersion = null;
    await this.#syncSynonyms();
    return indexed;
  }

  #schedule(delayMs: number): void {
    if (this.#stopped) return;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = null;
      // Paused: sleep until `pauseWhile` ends, which kicks off the next round.
      if (this.#paused > 0) return;
      this.drain().then(
        () => this.#schedule(this.#pollMs),
        (error: unknown) => {
          this.#onError(error, { during: 'drain' });
          this.#schedule(this.#pollMs);
        },
      );
    }, delayMs);
    this.#timer.unref();
  }

  async #drain(): Promise<number> {
    await this.#syncSynonyms();
    let handled = 0;
    for (;;) {
      const entries = this.#outbox.due({
        quietMs: this.#quietMs,
        maxWaitMs: this.#maxWaitMs,
        limit: this.#batchSize,
      });
      if (entries.length === 0) return handled;
      const documents: SearchDocument[] = [];
      const gone: string[] = [];
      const loaded: OutboxEntry[] = [];
      for (const entry of entries) {
        await this.#slicer.pace();
        try {
          const document = await this.#source.load(entry.pageId);
          if (document) documents.push(document);
          else gone.push(entry.pageId);
          loaded.push(entry);
        } catch (error) {
          this.#onError(error, { during: 'load', pageId: entry.pageId });
          this.#outbox.failed([entry], message(error), (attempts) => this.#retryAt(attempts));
        }
      }
      try {
        if (documents.length > 0) await this.#index.upsert(documents);
        if (gone.length > 0) await this.#index.remove(gone);
      } catch (error) {
        this.#lastError = message(error);
        this.#outbox.failed(loaded, this.#lastError, (attempts) => this.#retryAt(attempts));
        this.#onError(error, { during: 'index' });
        return handled;
      }
      this.#outbox.done(loaded);
      this.#lastError = null;
      this.#lastIndexedAt = Date.now();
      handled += loaded.length;
      if (entries.length < this.#batchSize) return handled;
    }
  }

  async #syncSynonyms(): Promise<void> {
    if (!this.#synonyms) return;
    const version = this.#synonyms.version();
    if (version === this.#synonymVersion) return;
    try {
      await this.#index.setSynonyms(this.#synonyms.groups());
      this.#synonymVersion = version;
    } catch (error) {
      this.#lastError = message(error);
      this.#onError(error, { during: 'synonyms' });
    }
  }

  #retryAt(attempts: number): number {
    return Date.now() + Math.min(this.#maxRetryMs, 500 * 2 ** Math.min(attempts, 20));
  }
}
