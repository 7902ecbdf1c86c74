import type { CollabServer } from '@lore/collab';
import type {
  AccountService,
  PageService,
  PageStore,
  RateLimiter,
  RevisionService,
} from '@lore/core';
import type { Db } from '@lore/store-sqlite';
import type { Config } from './config';
import type { SearchServices } from './search/SearchServices';

/** Everything a route handler may call, wired once in `createServer`. */
export interface Services {
  readonly config: Config;
  readonly db: Db;
  readonly accounts: AccountService;
  readonly pages: PageService;
  /** Direct page lookups for the websocket door, which authorizes before any domain call. */
  readonly pageStore: PageStore;
  /** Live editing rooms, e.g. to close a page's sockets when it is trashed. */
  readonly collab: CollabServer<unknown>;
  readonly loginByAddress: RateLimiter;
  readonly loginByEmail: RateLimiter;
  /** Page history: revisions, diffs, restore, authorship. */
  readonly revisions: RevisionService;
  /** Search, glossary and search analytics. */
  readonly search: SearchServices;
}
