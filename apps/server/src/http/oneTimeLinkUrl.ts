import type { Request } from 'express';
import type { Config } from '../config';
import { expectedOrigin } from './sameOrigin';

/**
 * The address of a one-time link's page in the web app (`/invite/<secret>`,
 * `/reset-password/<secret>`), on LORE_PUBLIC_URL when set, else on the origin the admin used.
 */
export function oneTimeLinkUrl(
  req: Request,
  config: Config,
  page: 'invite' | 'reset-password',
  secret: string,
): string {
  return `${expectedOrigin(req, config)}/${page}/${encodeURIComponent(secret)}`;
}
