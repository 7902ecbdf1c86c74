import type { Request } from 'express';
import type { Config } from '../config';

/** The origin this server is reached at: LORE_PUBLIC_URL when set, else the request's Host. */
export function expectedOrigin(req: Request, config: Config): string {
  return expectedOriginFor(config, req.get('host'), req.protocol === 'https');
}

/** The same, from raw request parts (websocket upgrades bypass Express). */
export function expectedOriginFor(
  config: Config,
  host: string | undefined,
  secure: boolean,
): string {
  return config.publicUrl
    ? config.publicUrl.origin
    : `${secure ? 'https' : 'http'}://${host ?? ''}`;
}

/**
 * Whether a browser request comes from our own pages. Uses Origin, falling back to
 * Sec-Fetch-Site; a request with neither is not from a modern browser and so not a CSRF vector
 * unless it carries our cookie, which the caller decides.
 */
export function originVerdict(req: Request, config: Config): 'same' | 'cross' | 'unknown' {
  const origin = req.headers.origin;
  if (origin !== undefined) return origin === expectedOrigin(req, config) ? 'same' : 'cross';
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined) return site === 'same-origin' || site === 'none' ? 'same' : 'cross';
  return 'unknown';
}
