import type { Route } from '../http/route';
import { authRoutes } from './authRoutes';
import { setupRoutes } from './setupRoutes';
import { tokenRoutes } from './tokenRoutes';
import { userRoutes } from './userRoutes';

/** Every `/api` route, in the order they are documented. */
export const apiRoutes: readonly Route[] = [
  ...setupRoutes,
  ...authRoutes,
  ...userRoutes,
  ...tokenRoutes,
];
