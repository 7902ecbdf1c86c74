import type { Credentials } from './seedAdmin';
import type { RunningLore } from './startLore';

/** The API as one signed-in person, for setting up what a browser test starts from. */
export interface ApiSession {
  /** Calls the API with this person's session; throws on any HTTP error. */
  call<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
}

/** Logs in through `POST /api/auth/login` and keeps the session cookie for later calls. */
export async function signInApi(lore: RunningLore, who: Credentials): Promise<ApiSession> {
  const login = await lore.api('POST', '/api/auth/login', {
    email: who.email,
    password: who.password,
  });
  if (login.status !== 200) {
    throw new Error(`Logging in ${who.email} failed: HTTP ${login.status} ${await login.text()}`);
  }
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return {
    async call<T>(method: string, path: string, body?: unknown): Promise<T> {
      const response = await fetch(`${lore.url}${path}`, {
        method,
        headers: {
          origin: lore.url,
          cookie,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? null : JSON.stringify(body),
      });
      if (!response.ok) {
        throw new Error(`${method} ${path}: HTTP ${response.status} ${await response.text()}`);
      }
      return (response.status === 204 ? undefined : await response.json()) as T;
    },
  };
}
