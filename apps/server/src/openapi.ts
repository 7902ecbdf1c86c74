import { z } from 'zod';
import type { Route } from './http/route';

/** Express `/api/tokens/:id` → OpenAPI `/api/tokens/{id}`. */
const openApiPath = (path: string) => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

function schemaOf(schema: z.ZodType, io: 'input' | 'output') {
  return z.toJSONSchema(schema, { io, target: 'openapi-3.0', unrepresentable: 'any' });
}

/**
 * The OpenAPI 3 document for the given routes, built from the very zod schemas that validate
 * requests, so docs/api.md is regenerated rather than written by hand.
 */
export function buildOpenApi(routes: readonly Route[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const parameters: unknown[] = [];
    for (const [where, schema] of [
      ['path', route.params],
      ['query', route.query],
    ] as const) {
      if (!schema) continue;
      const json = schemaOf(schema, 'input') as {
        properties?: Record<string, unknown>;
        required?: string[];
      };
      for (const [name, property] of Object.entries(json.properties ?? {})) {
        parameters.push({
          name,
          in: where,
          required: where === 'path' || (json.required ?? []).includes(name),
          schema: property,
        });
      }
    }
    const responses = Object.fromEntries(
      Object.entries(route.responses).map(([status, spec]) => [
        status,
        {
          description: spec.description,
          ...(spec.schema
            ? { content: { 'application/json': { schema: schemaOf(spec.schema, 'output') } } }
            : {}),
        },
      ]),
    );
    paths[openApiPath(route.path)] ??= {};
    const operations = paths[openApiPath(route.path)] as Record<string, unknown>;
    operations[route.method] = {
      summary: route.summary,
      tags: [route.tag],
      security: route.access === 'public' ? [] : [{ session: [] }, { bearer: [] }],
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: schemaOf(route.body, 'input') } },
            },
          }
        : {}),
      ...(route.rawBody
        ? {
            requestBody: {
              required: true,
              description: route.rawBody.description,
              content: { '*/*': { schema: { type: 'string', format: 'binary' } } },
            },
          }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.0.3',
    info: {
      title: 'Lore API',
      version: '1',
      description:
        'JSON over HTTP. Errors are `{"error":{"code","message"}}`. Authenticate with the session cookie (browser) or `Authorization: Bearer <token>`.',
    },
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'lore_session' },
        bearer: { type: 'http', scheme: 'bearer' },
      },
    },
    paths,
  };
}
