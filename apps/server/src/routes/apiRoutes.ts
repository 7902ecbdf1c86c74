import type { Route } from '../http/route';
import { authRoutes } from './authRoutes';
import { pageRoutes } from './pageRoutes';
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
];
