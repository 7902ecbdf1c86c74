import type {
  AcceptInviteInput,
  ApiToken,
  ChangePasswordInput,
  CollabTicket,
  CreatedApiToken,
  InviteInfo,
  NewApiTokenInput,
  NewInviteInput,
  NewPageInput,
  NewSpaceInput,
  NewUserInput,
  OneTimeLink,
  Page,
  PageWithContent,
  PasswordResetInfo,
  ProfileInput,
  SetupInput,
  Space,
  SpaceTree,
  UpdateUserInput,
  User,
} from '@lore/api';
import { ApiError } from './ApiError';

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
  /** Names where to sign out at the identity provider too, after a single sign-on session. */
  logout: () => request<{ redirectTo: string } | undefined>('POST', '/api/auth/logout'),
  ssoSettings: () =>
    request<{
      sso: {
        oidc: {
          issuer: string;
          clientId: string;
          redirectUri: string;
          displayName: string;
          scopes: string[];
          groupsClaim: string | null;
          defaultRole: string;
        } | null;
        ssoOnly: boolean;
        breakGlass: string[];
      };
    }>('GET', '/api/admin/sso'),
  authProviders: () =>
    request<{
      password: boolean;
      providers: { id: string; displayName: string; startUrl: string }[];
    }>('GET', '/api/auth/providers'),
  me: () => request<{ user: User }>('GET', '/api/me'),
  listUsers: () => request<{ users: User[] }>('GET', '/api/users'),
  createUser: (input: NewUserInput) => request<{ user: User }>('POST', '/api/users', input),
  updateUser: (id: string, input: UpdateUserInput) =>
    request<{ user: User }>('PATCH', `/api/users/${encodeURIComponent(id)}`, input),
  deleteUser: (id: string) => request<void>('DELETE', `/api/users/${encodeURIComponent(id)}`),
  resetPasswordLink: (id: string) =>
    request<OneTimeLink>('POST', `/api/users/${encodeURIComponent(id)}/password-reset`),
  createInvite: (input: NewInviteInput) => request<OneTimeLink>('POST', '/api/invites', input),
  inspectInvite: (token: string) => request<InviteInfo>('POST', '/api/invites/inspect', { token }),
  acceptInvite: (input: AcceptInviteInput) =>
    request<{ user: User }>('POST', '/api/invites/accept', input),
  inspectPasswordReset: (token: string) =>
    request<PasswordResetInfo>('POST', '/api/password-resets/inspect', { token }),
  completePasswordReset: (token: string, password: string) =>
    request<{ user: User }>('POST', '/api/password-resets/complete', { token, password }),
  updateProfile: (input: ProfileInput) => request<{ user: User }>('PATCH', '/api/me', input),
  changePassword: (input: ChangePasswordInput) => request<void>('POST', '/api/me/password', input),
  logoutEverywhere: () => request<void>('POST', '/api/auth/logout-everywhere'),
  collabTicket: () => request<CollabTicket>('POST', '/api/collab/tickets'),
  listTokens: () => request<{ tokens: ApiToken[] }>('GET', '/api/tokens'),
  createToken: (input: NewApiTokenInput) => request<CreatedApiToken>('POST', '/api/tokens', input),
  revokeToken: (id: string) => request<void>('DELETE', `/api/tokens/${encodeURIComponent(id)}`),
  listSpaces: () => request<{ spaces: Space[] }>('GET', '/api/spaces'),
  createSpace: (input: NewSpaceInput) => request<{ space: Space }>('POST', '/api/spaces', input),
  getSpace: (space: string) =>
    request<{ space: Space }>('GET', `/api/spaces/${encodeURIComponent(space)}`),
  spaceTree: (space: string) =>
    request<SpaceTree>('GET', `/api/spaces/${encodeURIComponent(space)}/tree`),
  spaceTrash: (space: string) =>
    request<{ pages: Page[] }>('GET', `/api/spaces/${encodeURIComponent(space)}/trash`),
  createPage: (input: NewPageInput) => request<{ page: Page }>('POST', '/api/pages', input),
  getPage: (id: string) => request<PageWithContent>('GET', `/api/pages/${encodeURIComponent(id)}`),
  /** The page and its space without its rendered content (the editor syncs that itself). */
  getPageInfo: (id: string) =>
    request<Omit<PageWithContent, 'markdown' | 'html'>>(
      'GET',
      `/api/pages/${encodeURIComponent(id)}?content=false`,
    ),
  renamePage: (id: string, title: string) =>
    request<{ page: Page }>('PATCH', `/api/pages/${encodeURIComponent(id)}`, { title }),
  trashPage: (id: string) =>
    request<{ page: Page }>('DELETE', `/api/pages/${encodeURIComponent(id)}`),
  restorePage: (id: string) =>
    request<{ page: Page }>('POST', `/api/pages/${encodeURIComponent(id)}/restore`),
};
