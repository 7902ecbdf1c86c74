import { type OEmbed, oembedSchema } from '@lore/api';
import { parsePagePath } from '@lore/core';
import { z } from 'zod';
import { HttpError } from '../http/HttpError';
import { defineRoute } from '../http/route';
import { expectedOrigin } from '../http/sameOrigin';
import type { Services } from '../Services';
import { renderSharedBody } from '../shares/renderSharedBody';
import { parseSharedPath } from '../shares/sharePaths';
import { errorResponse } from './schemas';

const dimension = z.coerce.number().int().min(1).max(100_000).optional();

/** Whether `url` is the address of a page on this wiki (short or canonical form). */
function isPageUrl(url: string, origin: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
    return (
      parsed.origin === origin &&
      parsePagePath(decodeURIComponent(parsed.pathname).replace(/\/+$/, '')) !== null
    );
  } catch {
    return false;
  }
}

/**
 * The oEmbed answer for the public address of a shared page (the link's own page or a subpage
 * it includes), or null when `url` is no such address or its link does not work.
 */
async function describeSharedUrl(
  url: string,
  origin: string,
  services: Services,
): Promise<OEmbed | null> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const shared = parsed.origin === origin ? parseSharedPath(parsed.pathname) : null;
  const scope = shared ? services.shares.resolve(shared.secret) : null;
  if (!shared || !scope) return null;
  const page = shared.shortId === null ? scope.root : scope.page(shared.shortId);
  if (!page) return null;
  const body = await renderSharedBody(services, scope, shared.secret, page, origin);
  return {
    version: '1.0',
    type: 'link',
    title: page.title.trim() === '' ? 'Untitled' : page.title,
    description: body.summary,
    url: `${origin}${parsed.pathname}`,
    provider_name: 'Lore',
    provider_url: origin,
    cache_age: 300,
  };
}

export const oembedRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/oembed',
    tag: 'Links',
    summary:
      'oEmbed for page URLs. The public address of a shared page (a share link) is described with its title and the start of its text; any other page URL of this wiki answers 401 whether or not the page exists, as pages are not public',
    access: 'public',
    query: z.object({
      url: z.string().min(1).max(4096).describe('a page URL or share link of this wiki'),
      format: z.string().max(20).optional().describe('only json is supported'),
      maxwidth: dimension,
      maxheight: dimension,
    }),
    responses: {
      200: { description: 'A share link that works: the shared page', schema: oembedSchema },
      401: errorResponse('A page URL of this wiki; pages are not public (`unauthenticated`)'),
      404: errorResponse(
        'Not a page URL of this wiki, or a share link that does not work (`not_found`)',
      ),
      501: errorResponse('A format other than json (`unsupported_format`)'),
    },
    handler: async ({ req, res, query, services }) => {
      if (query.format !== undefined && query.format !== 'json') {
        throw new HttpError(501, 'unsupported_format', 'Only the json format is supported.');
      }
      const origin = expectedOrigin(req, services.config);
      const shared = await describeSharedUrl(query.url, origin, services);
      if (shared) {
        res.setHeader('Cache-Control', 'private, no-store');
        return { status: 200, body: shared };
      }
      if (!isPageUrl(query.url, origin)) {
        throw new HttpError(404, 'not_found', 'That URL is not a page of this wiki.');
      }
      throw new HttpError(
        401,
        'unauthenticated',
        'Pages of this wiki are not public; open the link and sign in to see it.',
      );
    },
  }),
];
