import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface RunningOidcProvider {
  readonly issuer: string;
  /** The environment that points Lore at this provider. */
  readonly loreEnv: Record<string, string>;
  close(): Promise<void>;
}

/**
 * A real OpenID Connect provider (`oidc-provider`) on a loopback port with its own login and
 * consent pages (any login name signs in, as `<name>@example.com`, email verified), and a client
 * registered for the Lore server that will run at `loreUrl`.
 */
export async function startOidcProvider(loreUrl: string): Promise<RunningOidcProvider> {
  const http = createServer();
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const clientId = 'lore-e2e';
  const clientSecret = 'lore-e2e-secret-0123456789abcdef';
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [`${loreUrl}/auth/oidc/callback`],
        post_logout_redirect_uris: [`${loreUrl}/login`],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    pkce: { required: () => true },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    cookies: { keys: ['e2e-cookie-key-0123456789'] },
    features: { rpInitiatedLogout: { enabled: true } },
    findAccount: (_ctx, sub) => ({
      accountId: sub,
      claims: () => ({
        sub,
        email: `${sub}@example.com`,
        email_verified: true,
        name: `${sub.slice(0, 1).toUpperCase()}${sub.slice(1)} Provider`,
      }),
    }),
  });
  http.on('request', provider.callback());
  return {
    issuer,
    loreEnv: {
      LORE_PUBLIC_URL: loreUrl,
      LORE_OIDC_ISSUER: issuer,
      LORE_OIDC_CLIENT_ID: clientId,
      LORE_OIDC_CLIENT_SECRET: clientSecret,
      LORE_OIDC_DISPLAY_NAME: 'Example ID',
    },
    close: () =>
      new Promise<void>((resolve) => {
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
}

/** A TCP port that was free a moment ago, for a server whose address must be known in advance. */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
