import { expect } from 'vitest';
import { type CollabClient, collabClient } from '../../test/collabClient';
import {
  type JsonBody,
  startTestServer,
  type TestRequestInit,
  type TestResponse,
  type TestServer,
} from '../../test/startTestServer';

export interface Member {
  readonly id: string;
  readonly token: string;
  /** A request authenticated with this member's API token. */
  request(path: string, init?: TestRequestInit): Promise<TestResponse>;
  /** Expects `status` and returns the JSON body. */
  call(path: string, status: number, init?: TestRequestInit): Promise<JsonBody>;
  /** A stock y-websocket client editing `pageId` as this member. */
  client(pageId: string): CollabClient;
}

export interface HistoryWorkspace {
  readonly t: TestServer;
  readonly spaceId: string;
  readonly ada: Member;
  readonly bob: Member;
  readonly gus: Member;
  createPage(title: string, markdown: string): Promise<{ id: string; shortId: string }>;
  close(): Promise<void>;
}

/**
 * A real server with an admin (Ada), a member (Bob), a guest (Gus) and a space, which Gus was
 * invited to read.
 */
export async function startHistoryWorkspace(): Promise<HistoryWorkspace> {
  const t = await startTestServer();
  const clients: CollabClient[] = [];
  const setup = await t.request('/api/setup', {
    method: 'POST',
    json: { email: 'ada@example.com', displayName: 'Ada', password: 'analytical-engine' },
  });
  expect(setup.status).toBe(201);
  const adaId: string = (await setup.json()).user.id;

  const member = async (id: string, email: string, password: string): Promise<Member> => {
    const login = await t.request('/api/auth/login', {
      method: 'POST',
      anonymous: true,
      json: { email, password },
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
    const created = await t.request('/api/tokens', {
      method: 'POST',
      anonymous: true,
      headers: { cookie },
      json: { name: 'history tests' },
    });
    expect(created.status).toBe(201);
    const token: string = (await created.json()).token;
    const request = (path: string, init: TestRequestInit = {}) =>
      t.request(path, {
        ...init,
        anonymous: true,
        headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}` },
      });
    return {
      id,
      token,
      request,
      call: async (path, status, init) => {
        const response = await request(path, init);
        const body = response.status === 204 ? null : await response.json();
        expect(response.status, `${init?.method ?? 'GET'} ${path}: ${JSON.stringify(body)}`).toBe(
          status,
        );
        return body;
      },
      client: (pageId) => {
        const client = collabClient(t.url, pageId, { token });
        clients.push(client);
        return client;
      },
    };
  };
  const invite = async (email: string, displayName: string, role: string) => {
    const response = await t.request('/api/users', {
      method: 'POST',
      json: { email, displayName, password: `${displayName} password`, role },
    });
    expect(response.status).toBe(201);
    return (await response.json()).user.id as string;
  };
  const bobId = await invite('bob@example.com', 'Bob', 'member');
  const gusId = await invite('gus@example.com', 'Gus', 'guest');
  const ada = await member(adaId, 'ada@example.com', 'analytical-engine');
  const bob = await member(bobId, 'bob@example.com', 'Bob password');
  const gus = await member(gusId, 'gus@example.com', 'Gus password');
  const space = await ada.call('/api/spaces', 201, { method: 'POST', json: { name: 'Docs' } });
  await ada.call(`/api/spaces/${space.space.id}/members/users/${gusId}`, 200, {
    method: 'PUT',
    json: { role: 'viewer' },
  });
  return {
    t,
    spaceId: space.space.id,
    ada,
    bob,
    gus,
    createPage: async (title, markdown) =>
      (
        await ada.call('/api/pages', 201, {
          method: 'POST',
          json: { spaceId: space.space.id, title, markdown },
        })
      ).page,
    close: async () => {
      for (const client of clients) if (!client.doc.isDestroyed) client.destroy();
      await t.close();
    },
  };
}
