import type { User } from '../accounts/User';
import { workspacePolicy } from '../authorization/workspacePolicy';
import type { SpaceStore } from '../pages/SpaceStore';
import type { SearchAnalyticsService } from './analytics/SearchAnalyticsService';
import type { SearchFilters, SearchIndex, SearchResults } from './SearchIndex';

/** Which spaces a user may read; the search index filters on this inside the query. */
export type ReadableSpaces = (user: User) => readonly string[];

export interface SearchServiceOptions {
  readonly index: SearchIndex;
  readonly spaces: SpaceStore;
  /** Records searches for the analytics; searches are not recorded without it. */
  readonly analytics?: SearchAnalyticsService;
  /**
   * Default: every space, for users the workspace policy lets read. Space permissions plug in
   * here without touching the indexes.
   */
  readonly readableSpaces?: ReadableSpaces;
}

export interface SearchInput {
  readonly text: string;
  readonly filters?: SearchFilters;
  readonly limit?: number;
  readonly offset?: number;
  /** False for searches that should not count in the analytics. Default true. */
  readonly record?: boolean;
}

export interface SearchOutcome extends SearchResults {
  /** Refer to it when reporting a click; null when the search was not recorded. */
  readonly searchId: string | null;
}

/** Searching pages on behalf of a user: permissions first, then the index, then analytics. */
export class SearchService {
  readonly #index: SearchIndex;
  readonly #analytics: SearchAnalyticsService | undefined;
  readonly #readableSpaces: ReadableSpaces;

  constructor(options: SearchServiceOptions) {
    this.#index = options.index;
    this.#analytics = options.analytics;
    const spaces = options.spaces;
    this.#readableSpaces =
      options.readableSpaces ??
      ((user) =>
        workspacePolicy.canRead(user) ? spaces.listSpaces().map((space) => space.id) : []);
  }

  async search(actor: User, input: SearchInput): Promise<SearchOutcome> {
    const results = await this.#index.search({
      text: input.text,
      readableSpaceIds: this.#readableSpaces(actor),
      filters: input.filters ?? {},
      limit: input.limit ?? 20,
      offset: input.offset ?? 0,
    });
    const record = input.record !== false && input.text.trim().length > 0 && this.#analytics;
    const searchId = record ? record.recordSearch(actor, input.text, results.total) : null;
    return { ...results, searchId };
  }

  /** Records that the user opened a result of one of their searches. */
  recordClick(actor: User, click: { searchId: string; pageId: string; position: number }): boolean {
    return this.#analytics?.recordClick(actor, click) ?? false;
  }
}
