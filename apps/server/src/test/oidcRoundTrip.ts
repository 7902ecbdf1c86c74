import type { TestResponse, TestServer } from './startTestServer';

export interface RoundTripOptions {
  readonly returnTo?: string;
  /** Changes the authorization URL before the browser opens it at the provider. */
  readonly authorizationUrl?: (url: URL) => void;
  /** Changes the callback URL before the browser brings it back to Lore. */
  readonly callbackUrl?: (url: URL) => void;
}

/**
 * A browser's sign-in through the provider, redirects followed by hand: `GET /auth/oidc` on
 * Lore (with `t`'s cookie jar), the provider's redirects (with a jar of its own) until it
 * sends the browser back, and the callback on Lore, whose answer is returned unfollowed.
 */
export async function oidcRoundTrip(
  t: TestServer,
  options: RoundTripOptions = {},
): Promise<TestResponse> {
  const returnTo = options.returnTo ? `?returnTo=${encodeURIComponent(options.returnTo)}` : '';
  const start = await t.request(`/auth/oidc${returnTo}`, { redirect: 'manual' });
  if (start.status !== 302) throw new Error(`GET /auth/oidc answered ${start.status}`);
  const authorization = new URL(start.headers.get('location') ?? '');
  options.authorizationUrl?.(authorization);
  const jar = new Map<string, string>();
  let url = authorization;
  for (let hop = 0; hop < 10; hop++) {
    const response = await fetch(url, {
      redirect: 'manual',
      headers: { cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; ') },
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const index = pair.indexOf('=');
      jar.set(pair.slice(0, index), pair.slice(index + 1));
    }
    const location = response.headers.get('location');
    if (!location) {
      throw new Error(`the provider answered ${response.status}: ${await response.text()}`);
    }
    url = new URL(location, url);
    if (url.href.startsWith(`${t.url}/`)) break;
  }
  options.callbackUrl?.(url);
  return t.request(`${url.pathname}${url.search}`, { redirect: 'manual' });
}
