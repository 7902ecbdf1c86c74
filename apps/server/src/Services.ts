import type { AccountService, RateLimiter } from '@lore/core';
import type { Db } from '@lore/store-sqlite';
import type { Config } from './config';

/** Everything a route handler may call, wired once in `createServer`. */
export interface Services {
  readonly config: Config;
  readonly db: Db;
  readonly accounts: AccountService;
  readonly loginByAddress: RateLimiter;
  readonly loginByEmail: RateLimiter;
}
