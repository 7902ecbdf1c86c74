import { ApiError } from './ApiError';
import type { ApiToken, CreatedApiToken, NewUserInput, SetupInput, User } from './types';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Calls the Lore API on the same origin and returns the parsed JSON body (`undefined` for 204).
 * Every failure, including an unreachable server, is thrown as an {@link ApiError}.
 */
export async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers:
        body === undefined
          ? { accept: 'application/json' }
          : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(
      0,
      'network_error',
      'Cannot reach the Lore server. Check your connection and try again.',
    );
  }
  if (response.ok) {
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }
  throw await toApiError(response);
}

async function toApiError(response: Response): Promise<ApiError> {
  const retryAfter = Number.parseInt(response.headers.get('retry-after') ?? '', 10);
  const retryAfterSeconds = Number.isFinite(retryAfter) ? retryAfter : null;
  try {
    const payload: unknown = await response.json();
    const error = (payload as { error?: { code?: unknown; message?: unknown } } | null)?.error;
    if (typeof error?.code === 'string' && typeof error.message === 'string') {
      return new ApiError(response.status, error.code, error.message, retryAfterSeconds);
    }
  } catch {
    // Not JSON (a proxy error page, say): fall through to a generic message.
  }
  return new ApiError(
    response.status,
    'http_error',
    `The server answered with an error (HTTP ${response.status}).`,
    retryAfterSeconds,
  );
}

/** The Lore HTTP API, one function per endpoint. */
export const api = {
  setupStatus: () => request<{ needsSetup: boolean }>('GET', '/api/setup'),
  setup: (input: SetupInput) => request<{ user: User }>('POST', '/api/setup', input),
  login: (email: string, password: string) =>
    request<{ user: User }>('POST', '/api/auth/login', { email, password }),
  logout: () => request<void>('POST', '/api/auth/logout'),
  me: () => request<{ user: User }>('GET', '/api/me'),
  listUsers: () => request<{ users: User[] }>('GET', '/api/users'),
  createUser: (input: NewUserInput) => request<{ user: User }>('POST', '/api/users', input),
  listTokens: () => request<{ tokens: ApiToken[] }>('GET', '/api/tokens'),
  createToken: (name: string) => request<CreatedApiToken>('POST', '/api/tokens', { name }),
  revokeToken: (id: string) => request<void>('DELETE', `/api/tokens/${encodeURIComponent(id)}`),
};
