import type { TestServer } from './startTestServer';

/**
 * Creates a user through the admin signed in on `t` (`POST /api/users`), signs them in without
 * touching `t`'s cookie jar, and returns their session cookie (`name=value`).
 */
export async function signInNewUser(
  t: TestServer,
  user: { email: string; displayName: string; password: string; role?: string },
): Promise<string> {
  const created = await t.request('/api/users', { method: 'POST', json: user });
  if (created.status !== 201) throw new Error(`creating ${user.email}: ${created.status}`);
  const login = await t.request('/api/auth/login', {
    method: 'POST',
    anonymous: true,
    json: { email: user.email, password: user.password },
  });
  return (login.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
}
