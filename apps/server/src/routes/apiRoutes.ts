import type { Route } from '../http/route';
import { authRoutes } from './authRoutes';
import { glossaryRoutes } from './glossaryRoutes';
import { pageRoutes } from './pageRoutes';
import { revisionRoutes } from './revisionRoutes';
import { searchAnalyticsRoutes } from './searchAnalyticsRoutes';
import { searchRoutes } from './searchRoutes';
import { setupRoutes } from './setupRoutes';
import { spaceRoutes } from './spaceRoutes';
import { tokenRoutes } from './tokenRoutes';
import { userRoutes } from './userRoutes';

/** Every `/api` route, in the order they are documented. */
export const apiRoutes: readonly Route[] = [
  ...setupRoutes,
  ...authRoutes,
  ...userRoutes,
  ...tokenRoutes,
  ...spaceRoutes,
  ...pageRoutes,
  ...revisionRoutes,
  ...searchRoutes,
  ...glossaryRoutes,
  ...searchAnalyticsRoutes,
];
