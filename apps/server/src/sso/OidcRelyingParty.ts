import { createRemoteJWKSet, jwtVerify } from 'jose';
import * as client from 'openid-client';
import type { OidcSettings } from './ssoConfig';

/** What Lore keeps between sending someone to the provider and their coming back. */
export interface OidcChecks {
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
}

/** The person the provider vouched for, from the verified ID token and the userinfo answer. */
export interface OidcClaims {
  readonly issuer: string;
  readonly subject: string;
  readonly email: string | null;
  readonly emailVerified: boolean;
  readonly name: string | null;
  /** The configured groups claim as a list of names; null when absent or not configured. */
  readonly groups: string[] | null;
}

/** Lore's allowance for clocks that disagree with the provider's (ID token times). */
const clockToleranceSeconds = 60;

/**
 * Lore as an OpenID Connect relying party, on the certified `openid-client`: discovery (kept
 * after the first success, retried after a failure), the authorization code flow with PKCE
 * S256, state and nonce, and the checks of the provider's answer (issuer, audience, expiry,
 * signature against the provider's keys, refetched when it rotates them).
 */
export class OidcRelyingParty {
  readonly settings: OidcSettings;
  #configuration: Promise<client.Configuration> | null = null;
  #keys: ReturnType<typeof createRemoteJWKSet> | null = null;

  constructor(settings: OidcSettings) {
    this.settings = settings;
  }

  /** The provider's authorization URL for a new sign-in, and the checks to keep. */
  async start(): Promise<{ url: URL; checks: OidcChecks }> {
    const configuration = await this.#discover();
    const checks: OidcChecks = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      codeVerifier: client.randomPKCECodeVerifier(),
    };
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.settings.redirectUri,
      scope: this.settings.scopes.join(' '),
      state: checks.state,
      nonce: checks.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(checks.codeVerifier),
      code_challenge_method: 'S256',
    });
    return { url, checks };
  }

  /**
   * Checks the provider's answer (`callbackQuery`, the callback's query string) against the
   * kept checks, redeems the code and reads who signed in. Throws when anything does not hold.
   */
  async finish(callbackQuery: string, checks: OidcChecks): Promise<OidcClaims> {
    const configuration = await this.#discover();
    const current = new URL(this.settings.redirectUri);
    current.search = callbackQuery;
    const tokens = await client.authorizationCodeGrant(configuration, current, {
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      pkceCodeVerifier: checks.codeVerifier,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims();
    if (!idClaims || !tokens.id_token) throw new Error('The provider sent no ID token.');
    // The library may skip the signature of a token that came straight from the token
    // endpoint (OIDC Core 3.1.3.7); Lore checks it against the provider's published keys.
    await jwtVerify(tokens.id_token, this.#publishedKeys(configuration), {
      issuer: configuration.serverMetadata().issuer,
      audience: this.settings.clientId,
      clockTolerance: clockToleranceSeconds,
      requiredClaims: ['exp', 'iat', 'sub'],
    });
    // Providers put email and groups in the ID token or only in userinfo; ask for both.
    const info: Record<string, unknown> = configuration.serverMetadata().userinfo_endpoint
      ? await client.fetchUserInfo(configuration, tokens.access_token, idClaims.sub)
      : {};
    const claim = (name: string): unknown => info[name] ?? idClaims[name];
    const email = claim('email');
    const name = claim('name');
    return {
      issuer: idClaims.iss,
      subject: idClaims.sub,
      email: typeof email === 'string' ? email : null,
      emailVerified: claim('email_verified') === true,
      name: typeof name === 'string' ? name : null,
      groups: this.settings.groupsClaim ? groupNames(claim(this.settings.groupsClaim)) : null,
    };
  }

  /** Where to send someone signing out so they also leave the provider; null when it cannot. */
  async endSessionUrl(postLogoutRedirectUri: string): Promise<URL | null> {
    const configuration = await this.#discover();
    if (!configuration.serverMetadata().end_session_endpoint) return null;
    return client.buildEndSessionUrl(configuration, {
      client_id: this.settings.clientId,
      post_logout_redirect_uri: postLogoutRedirectUri,
    });
  }

  /** The provider's keys, fetched again when a token names a key not seen yet (rotation). */
  #publishedKeys(configuration: client.Configuration): ReturnType<typeof createRemoteJWKSet> {
    if (!this.#keys) {
      const uri = configuration.serverMetadata().jwks_uri;
      if (!uri) throw new Error('The provider publishes no jwks_uri.');
      this.#keys = createRemoteJWKSet(new URL(uri), { cooldownDuration: 1000 });
    }
    return this.#keys;
  }

  #discover(): Promise<client.Configuration> {
    if (!this.#configuration) {
      const settings = this.settings;
      const discovering = client
        .discovery(
          settings.issuer,
          settings.clientId,
          { [client.clockTolerance]: clockToleranceSeconds },
          client.ClientSecretPost(settings.clientSecret),
          // A provider on plain http (a test or a private network) must be allowed explicitly.
          settings.issuer.protocol === 'http:' ? { execute: [client.allowInsecureRequests] } : {},
        )
        .catch((error: unknown) => {
          this.#configuration = null;
          throw error;
        });
      this.#configuration = discovering;
    }
    return this.#configuration;
  }
}

function groupNames(value: unknown): string[] | null {
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value)) return null;
  return value.filter((entry): entry is string => typeof entry === 'string');
}
