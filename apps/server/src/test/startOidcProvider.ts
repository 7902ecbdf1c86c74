import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  decodeJwt,
  decodeProtectedHeader,
  exportJWK,
  generateKeyPair,
  type JWK,
  SignJWT,
} from 'jose';
import Provider, { type Configuration } from 'oidc-provider';

/** A person the test provider knows, with the claims it tells about them. */
export interface ProviderAccount {
  readonly sub: string;
  readonly email: string;
  readonly email_verified: boolean;
  readonly name?: string;
  readonly groups?: string[];
}

/** Rewrites the ID token the token endpoint returns (claims and signing key). */
export type IdTokenTamper = (
  claims: Record<string, unknown>,
  keys: { readonly current: CryptoKey; readonly kid: string },
) => Promise<string>;

export interface TestOidcProvider {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** The account the next interaction signs in. */
  signInAs(account: ProviderAccount): void;
  /** Rewrites ID tokens until set back to null. */
  tamperIdToken(tamper: IdTokenTamper | null): void;
  /** Starts signing with a new key (published beside the old one). */
  rotateKeys(): Promise<void>;
  close(): Promise<void>;
}

interface SigningKey {
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly jwk: JWK;
}

async function newKey(kid: string): Promise<SigningKey> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  return {
    kid,
    privateKey,
    jwk: { ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' },
  };
}

/**
 * A real, certified OpenID Connect provider (`oidc-provider`) on a loopback port, with one
 * confidential client for the Lore server at `loreUrl`. Its login interaction completes at
 * once as the account given to `signInAs` (through the provider's `interactionFinished`).
 */
export async function startOidcProvider(loreUrl: string): Promise<TestOidcProvider> {
  const http = createServer();
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const clientId = 'lore-test';
  const clientSecret = 'lore-test-secret-0123456789abcdef';
  let account: ProviderAccount | null = null;
  let tamper: IdTokenTamper | null = null;
  let keys: SigningKey[] = [await newKey('key-1')];

  const build = (): Provider => {
    const configuration: Configuration = {
      clients: [
        {
          client_id: clientId,
          client_secret: clientSecret,
          redirect_uris: [`${loreUrl}/auth/oidc/callback`],
          post_logout_redirect_uris: [`${loreUrl}/login`],
          grant_types: ['authorization_code'],
          response_types: ['code'],
          token_endpoint_auth_method: 'client_secret_post',
        },
      ],
      // Every client must use PKCE, confidential ones too.
      pkce: { required: () => true },
      jwks: { keys: keys.map((key) => key.jwk) },
      claims: {
        openid: ['sub'],
        email: ['email', 'email_verified'],
        profile: ['name'],
        groups: ['groups'],
      },
      scopes: ['openid', 'email', 'profile', 'groups'],
      cookies: { keys: ['test-cookie-key-0123456789'] },
      features: {
        devInteractions: { enabled: false },
        rpInitiatedLogout: { enabled: true },
      },
      interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
      findAccount: (_ctx, sub) => {
        if (!account || account.sub !== sub) return undefined;
        const claims = { ...account };
        return { accountId: sub, claims: () => claims };
      },
    };
    const provider = new Provider(issuer, configuration);
    return provider;
  };
  let provider = build();

  const interact = async (req: IncomingMessage, res: ServerResponse) => {
    const details = await provider.interactionDetails(req, res);
    if (!account) throw new Error('The test named no account: call signInAs first.');
    const clientOf = String(details.params.client_id);
    const grant = new provider.Grant({ accountId: account.sub, clientId: clientOf });
    grant.addOIDCScope(String(details.params.scope));
    const grantId = await grant.save();
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: account.sub }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    );
  };

  http.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (req.url?.startsWith('/interaction/')) {
      interact(req, res).catch((error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      });
      return;
    }
    if (tamper && req.method === 'POST' && req.url === '/token') {
      const current = keys[0] as SigningKey;
      const chosen = tamper;
      const end = res.end.bind(res) as (chunk?: unknown) => ServerResponse;
      // biome-ignore lint/suspicious/noExplicitAny: overriding an overloaded method.
      (res as any).end = (chunk: unknown) => {
        const body = JSON.parse(String(chunk)) as Record<string, unknown>;
        const original = String(body.id_token);
        const claims = decodeJwt(original) as Record<string, unknown>;
        void decodeProtectedHeader(original);
        chosen(claims, { current: current.privateKey, kid: current.kid }).then((token) => {
          const text = JSON.stringify({ ...body, id_token: token });
          res.setHeader('content-length', Buffer.byteLength(text));
          end(text);
        });
        return res;
      };
    }
    provider.callback()(req, res);
  });

  return {
    issuer,
    clientId,
    clientSecret,
    signInAs(next) {
      account = next;
    },
    tamperIdToken(next) {
      tamper = next;
    },
    async rotateKeys() {
      keys = [await newKey(`key-${keys.length + 1}`), ...keys];
      provider = build();
    },
    close: () =>
      new Promise<void>((resolve) => {
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
}

/** Signs `claims` as an ID token with `key` under `kid` (RS256). */
export function signIdToken(
  claims: Record<string, unknown>,
  key: CryptoKey,
  kid: string,
): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' }).sign(key);
}

export { generateKeyPair };
