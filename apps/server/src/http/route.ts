import type { Readable } from 'node:stream';
import type { Authenticated, User } from '@lore/core';
import type { Request, Response } from 'express';
import type { z } from 'zod';
import type { Services } from '../Services';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/**
 * Who may knock: `public` needs nothing, `user` needs a session or API token. Finer decisions
 * (admin only, page access) belong to the domain, which raises `PermissionDeniedError`.
 */
export type RouteAccess = 'public' | 'user';

export interface RouteContext<Body, Query, Params, Access extends RouteAccess = RouteAccess> {
  readonly req: Request;
  readonly res: Response;
  readonly body: Body;
  readonly query: Query;
  readonly params: Params;
  /** The signed-in user; always set when the route's access is `user`. */
  readonly actor: Access extends 'user' ? User : User | null;
  /** The actor with the credential they used (session or token, and the token's scope). */
  readonly auth: Access extends 'user' ? Authenticated : Authenticated | null;
  readonly services: Services;
}

export interface Reply {
  readonly status: number;
  readonly body?: unknown;
  /** Bytes to send instead of a JSON body (the handler sets Content-Type and other headers). */
  readonly stream?: Readable;
}

/**
 * A request body taken as raw bytes (file uploads) instead of JSON. The JSON parser leaves such
 * requests alone whatever their Content-Type; the handler reads `req` itself (`readRawBody`),
 * after authorization, so a refused upload is never read whole.
 */
export interface RawBodySpec {
  readonly description: string;
}

export interface ResponseSpec {
  readonly description: string;
  readonly schema?: z.ZodType;
}

export interface Route<
  Body = unknown,
  Query = unknown,
  Params = unknown,
  Access extends RouteAccess = RouteAccess,
> {
  readonly method: HttpMethod;
  /** Express path syntax, e.g. `/api/tokens/:id`. */
  readonly path: string;
  readonly summary: string;
  readonly tag: string;
  readonly access: Access;
  readonly body?: z.ZodType<Body>;
  readonly rawBody?: RawBodySpec;
  readonly query?: z.ZodType<Query>;
  readonly params?: z.ZodType<Params>;
  readonly responses: Readonly<Record<number, ResponseSpec>>;
  /** A POST that changes nothing, so a read-only API token may call it too. */
  readonly readsOnly?: boolean;
  readonly handler: (context: RouteContext<Body, Query, Params, Access>) => Promise<Reply> | Reply;
}

/**
 * Declares a route. The same zod schemas validate requests and generate docs/api.md, so the
 * documentation cannot drift from what the server accepts.
 */
export function defineRoute<
  Access extends RouteAccess,
  Body = undefined,
  Query = undefined,
  Params = undefined,
>(route: Route<Body, Query, Params, Access>): Route {
  return route as unknown as Route;
}
