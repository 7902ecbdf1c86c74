import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Route } from '../http/route';
import { startTestServer, type TestResponse } from '../test/startTestServer';

/**
 * Every API route, present and future, is fed malformed input and must answer 4xx with a JSON
 * error, never 5xx, and change nothing.
 */
// Started while the file is collected: the routes to probe are the running modules' own.
const t = await startTestServer({ LORE_BODY_LIMIT: '2kb' });
const apiRoutes = t.server.runtime.routes;
let token: string;

beforeAll(async () => {
  await t.request('/api/setup', {
    method: 'POST',
    json: { email: 'root@example.com', displayName: 'Root', password: 'root password' },
  });
  token = (
    await (await t.request('/api/tokens', { method: 'POST', json: { name: 'probe' } })).json()
  ).token;
});
afterAll(async () => {
  await t.close();
});

const pathOf = (route: Route) => route.path.replace(/:[A-Za-z0-9_]+/g, 'does-not-exist');

async function expectClientError(response: TestResponse, status?: number) {
  const body = await response.json();
  if (status !== undefined) expect(response.status).toBe(status);
  expect(response.status).toBeGreaterThanOrEqual(400);
  expect(response.status).toBeLessThan(500);
  expect(typeof body.error.code).toBe('string');
  expect(body.error.message.length).toBeGreaterThan(0);
  return body.error.code as string;
}

async function snapshot() {
  const users = await (
    await t.request('/api/users', {
      anonymous: true,
      headers: { authorization: `Bearer ${token}` },
    })
  ).json();
  const tokens = await (
    await t.request('/api/tokens', {
      anonymous: true,
      headers: { authorization: `Bearer ${token}` },
    })
  ).json();
  return JSON.stringify({ users, tokens });
}

const bodyRoutes = apiRoutes.filter((route) => route.body);
const authRoutes = apiRoutes.filter((route) => route.access === 'user');

describe.each(
  bodyRoutes.map((route) => [`${route.method.toUpperCase()} ${route.path}`, route] as const),
)('%s with a bad body', (_name, route) => {
  const send = (body: string, contentType = 'application/json') =>
    t.request(pathOf(route), {
      method: route.method.toUpperCase(),
      anonymous: true,
      headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
      body,
    });

  it('answers malformed JSON with 400 invalid_json and changes nothing', async () => {
    const before = await snapshot();
    expect(await expectClientError(await send('{"email": '), 400)).toBe('invalid_json');
    expect(await snapshot()).toBe(before);
  });

  it('answers a wrong content type with 415', async () => {
    const before = await snapshot();
    expect(
      await expectClientError(await send('email=a', 'application/x-www-form-urlencoded'), 415),
    ).toBe('unsupported_media_type');
    expect(await expectClientError(await send('{}', 'text/plain'), 415)).toBe(
      'unsupported_media_type',
    );
    expect(await snapshot()).toBe(before);
  });

  it('answers an oversize body with 413', async () => {
    const before = await snapshot();
    const huge = JSON.stringify({ name: 'x'.repeat(5000) });
    expect(await expectClientError(await send(huge), 413)).toBe('payload_too_large');
    expect(await snapshot()).toBe(before);
  });

  it('answers wrong types, non-objects and unknown fields with 400 invalid_request', async () => {
    const before = await snapshot();
    const keys = route.body instanceof z.ZodObject ? Object.keys(route.body.shape) : ['x'];
    const wrongTypes = Object.fromEntries(keys.map((key) => [key, { nested: [1, 2] }]));
    const bodies = [JSON.stringify(wrongTypes), '[]', '"text"', '42', 'null'];
    // `{}` is a complete request for routes whose fields are all optional.
    if (!route.body?.safeParse({}).success) bodies.push('{}');
    for (const body of bodies) {
      const code = await expectClientError(await send(body));
      expect(['invalid_request', 'invalid_json']).toContain(code);
    }
    const unknown = await send(JSON.stringify({ ...wrongTypes, surprise: true }));
    expect(await expectClientError(unknown, 400)).toBe('invalid_request');
    expect(await snapshot()).toBe(before);
  });
});

describe.each(
  authRoutes.map((route) => [`${route.method.toUpperCase()} ${route.path}`, route] as const),
)('%s without credentials', (_name, route) => {
  it('answers 401 unauthenticated', async () => {
    const before = await snapshot();
    const response = await t.request(pathOf(route), {
      method: route.method.toUpperCase(),
      anonymous: true,
      ...(route.body ? { json: {} } : {}),
    });
    expect(await expectClientError(response, route.body ? undefined : 401)).toMatch(
      /unauthenticated|invalid_request/,
    );
    const withGarbageCookie = await t.request(pathOf(route), {
      method: 'GET' === route.method.toUpperCase() ? 'GET' : route.method.toUpperCase(),
      anonymous: true,
      headers: { cookie: 'lore_session=lore_ses_garbage; other=1' },
    });
    expect(withGarbageCookie.status).toBeGreaterThanOrEqual(400);
    expect(withGarbageCookie.status).toBeLessThan(500);
    expect(await snapshot()).toBe(before);
  });
});

describe('unknown routes and methods', () => {
  it('answers JSON 404 for an unknown API path and 405 with Allow for a wrong method', async () => {
    expect(await expectClientError(await t.request('/api/nope'), 404)).toBe('not_found');
    const wrong = await t.request('/api/tokens', { method: 'PUT' });
    expect(await expectClientError(wrong, 405)).toBe('method_not_allowed');
    expect(wrong.headers.get('allow')).toBe('GET, POST');
  });

  it('survives hostile paths and headers', async () => {
    for (const path of [
      '/api/%',
      '/api/tokens/%E0%A4%A',
      `/api/${'a'.repeat(5000)}`,
      '/api/../../etc/passwd',
    ]) {
      const response = await t.request(path);
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
    }
    expect((await t.request('/healthz')).status).toBe(200);
  });
});
