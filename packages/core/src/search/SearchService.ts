import type { AccessPolicy } from '../access/AccessPolicy';
import type { User } from '../accounts/User';
import type { SearchAnalyticsService } from './analytics/SearchAnalyticsService';
import type { SearchFilters, SearchIndex, SearchResults } from './SearchIndex';

export interface SearchServiceOptions {
  readonly index: SearchIndex;
  /**
   * What each user may read (spaces, and restricted pages hidden inside them); the index
   * applies it inside the query, before its limit.
   */
  readonly policy: Pick<AccessPolicy, 'readScope' | 'pageAccess'>;
  /** Records searches for the analytics; searches are not recorded without it. */
  readonly analytics?: SearchAnalyticsService;
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
  readonly #policy: SearchServiceOptions['policy'];

  constructor(options: SearchServiceOptions) {
    this.#index = options.index;
    this.#analytics = options.analytics;
    this.#policy = options.policy;
  }

  async search(actor: User, input: SearchInput): Promise<SearchOutcome> {
    const scope = this.#policy.readScope(actor);
    const results = await this.#index.search({
      text: input.text,
      readableSpaceIds: scope.readableSpaceIds,
      hiddenPageIds: scope.hiddenPageIds,
      filters: input.filters ?? {},
      limit: input.limit ?? 20,
      offset: input.offset ?? 0,
    });
    const record = input.record !== false && input.text.trim().length > 0 && this.#analytics;
    const searchId = record ? record.recordSearch(actor, input.text, results.total) : null;
    return { ...results, searchId };
  }

  /** Records that the user opened a result of one of their searches (of a page they read). */
  recordClick(actor: User, click: { searchId: string; pageId: string; position: number }): boolean {
    if (this.#policy.pageAccess(actor, click.pageId) === 'none') return false;
    return this.#analytics?.recordClick(actor, click) ?? false;
  }
}
