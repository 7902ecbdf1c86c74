import type { User } from '@lore/core';
import { apiTokenFor } from './apiTokenFor';
import { expectJson } from './expectJson';
import type { TestRequestInit, TestResponse, TestServer } from './startTestServer';

/** A person made by the admin, with an API token, and requests as them. */
export interface TokenPerson {
  /** As the API answered it (an account as `GET /api/users` lists it). */
  readonly user: User;
  readonly token: string;
  as(path: string, init?: TestRequestInit): Promise<TestResponse>;
}

/**
 * Creates `name@example.com` through the API (as the admin signed in on `t`'s cookie jar) and
 * gives them an API token, so that requests `as` them carry no cookie.
 */
export async function tokenPerson(
  t: TestServer,
  name: string,
  role = 'member',
): Promise<TokenPerson> {
  const { user } = await expectJson(
    await t.request('/api/users', {
      method: 'POST',
      json: { email: `${name}@example.com`, displayName: name, password: `${name} password`, role },
    }),
    201,
  );
  const token = apiTokenFor(t.server.runtime.services.accounts, user, 'tests').secret;
  const as = (path: string, init: TestRequestInit = {}) =>
    t.request(path, {
      ...init,
      anonymous: true,
      headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}` },
    });
  return { user, token, as };
}

/**
 * A private space `docs` with these members, and a page `Runbook` written by the first of them
 * (who must be allowed to write), as the admin on `t` sets it up.
 */
export async function privateSpaceWithPage(
  t: TestServer,
  members: readonly (readonly [TokenPerson, string])[],
  markdown = 'Restart the thing.',
): Promise<{ page: { id: string; shortId: string; title: string; spaceId: string } }> {
  await expectJson(
    await t.request('/api/spaces', {
      method: 'POST',
      json: { name: 'Docs', slug: 'docs', visibility: 'private' },
    }),
    201,
  );
  for (const [who, role] of members) {
    await expectJson(
      await t.request(`/api/spaces/docs/members/users/${who.user.id}`, {
        method: 'PUT',
        json: { role },
      }),
      200,
    );
  }
  const author = members[0]?.[0];
  if (!author) throw new Error('A space needs a member to write its page.');
  const { page } = await expectJson(
    await author.as('/api/pages', {
      method: 'POST',
      json: { spaceId: 'docs', title: 'Runbook', markdown },
    }),
    201,
  );
  return { page };
}
