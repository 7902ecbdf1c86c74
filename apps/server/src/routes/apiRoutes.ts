import type { Route } from '../http/route';
import { attachmentRoutes } from './attachmentRoutes';
import { authRoutes } from './authRoutes';
import { eventRoutes } from './eventRoutes';
import { glossaryRoutes } from './glossaryRoutes';
import { oembedRoutes } from './oembedRoutes';
import { pageRoutes } from './pageRoutes';
import { revisionRoutes } from './revisionRoutes';
import { searchAnalyticsRoutes } from './searchAnalyticsRoutes';
import { searchRoutes } from './searchRoutes';
import { setupRoutes } from './setupRoutes';
import { spaceRoutes } from './spaceRoutes';
import { tagRoutes } from './tagRoutes';
import { tokenRoutes } from './tokenRoutes';
import { transferRoutes } from './transferRoutes';
import { userRoutes } from './userRoutes';

/** Every `/api` route, in the order they are documented. */
export const apiRoutes: readonly Route[] = [
  ...setupRoutes,
  ...authRoutes,
  ...userRoutes,
  ...tokenRoutes,
  ...spaceRoutes,
  ...pageRoutes,
  ...attachmentRoutes,
  ...oembedRoutes,
  ...revisionRoutes,
  ...tagRoutes,
  ...searchRoutes,
  ...glossaryRoutes,
  ...searchAnalyticsRoutes,
  ...transferRoutes,
  ...eventRoutes,
];
