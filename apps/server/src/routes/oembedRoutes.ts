import { parsePagePath } from '@lore/core';
import { z } from 'zod';
import { HttpError } from '../http/HttpError';
import { defineRoute } from '../http/route';
import { expectedOrigin } from '../http/sameOrigin';
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

export const oembedRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/oembed',
    tag: 'Links',
    summary:
      'oEmbed for page URLs. No page is public yet, so a page URL of this wiki answers 401 whether or not the page exists',
    access: 'public',
    query: z.object({
      url: z.string().min(1).max(4096).describe('a page URL of this wiki'),
      format: z.string().max(20).optional().describe('only json is supported'),
      maxwidth: dimension,
      maxheight: dimension,
    }),
    responses: {
      401: errorResponse('A page URL of this wiki; pages are not public (`unauthenticated`)'),
      404: errorResponse('Not a page URL of this wiki (`not_found`)'),
      501: errorResponse('A format other than json (`unsupported_format`)'),
    },
    handler: ({ req, query, services }) => {
      if (query.format !== undefined && query.format !== 'json') {
        throw new HttpError(501, 'unsupported_format', 'Only the json format is supported.');
      }
      if (!isPageUrl(query.url, expectedOrigin(req, services.config))) {
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
