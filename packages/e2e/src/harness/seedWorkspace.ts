import { admin, type Credentials } from './seedAdmin';
import { type ApiSession, signInApi } from './signInApi';
import type { RunningLore } from './startLore';

/** Someone other than the admin, for tests with two people. */
export const member: Credentials = {
  email: 'grace@example.com',
  password: 'a compiler of one',
  displayName: 'Grace Hopper',
};

/** A reader who may not edit. */
export const guest: Credentials = {
  email: 'linus@example.com',
  password: 'just for fun, really',
  displayName: 'Linus Reader',
};

export interface SeededPage {
  id: string;
  shortId: string;
  title: string;
}

export interface Workspace {
  adminApi: ApiSession;
  space: { id: string; slug: string; name: string };
  page: SeededPage;
}

/**
 * A server with the admin, a member and a guest, one space (which the guest was invited to
 * read) and one page with the given Markdown body, set up through the API. Expects `seedAdmin`
 * to have run.
 */
export async function seedWorkspace(
  lore: RunningLore,
  { title = 'Launch plan', markdown = '' }: { title?: string; markdown?: string } = {},
): Promise<Workspace> {
  const adminApi = await signInApi(lore, admin);
  await adminApi.call('POST', '/api/users', { ...member, role: 'member' });
  const { user: guestUser } = await adminApi.call<{ user: { id: string } }>('POST', '/api/users', {
    ...guest,
    role: 'guest',
  });
  const { space } = await adminApi.call<{ space: Workspace['space'] }>('POST', '/api/spaces', {
    name: 'Engineering',
    description: 'How we build things',
  });
  await adminApi.call('PUT', `/api/spaces/${space.id}/members/users/${guestUser.id}`, {
    role: 'viewer',
  });
  const { page } = await adminApi.call<{ page: SeededPage }>('POST', '/api/pages', {
    spaceId: space.id,
    title,
    markdown,
  });
  return { adminApi, space, page };
}
