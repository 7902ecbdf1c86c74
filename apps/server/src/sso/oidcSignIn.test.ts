import { generateKeyPair } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectJson } from '../test/expectJson';
import { freePort } from '../test/freePort';
import { oidcRoundTrip } from '../test/oidcRoundTrip';
import {
  type ProviderAccount,
  signIdToken,
  startOidcProvider,
  type TestOidcProvider,
} from '../test/startOidcProvider';
import { startTestServer, type TestServer } from '../test/startTestServer';

const ada: ProviderAccount = {
  sub: 'sub-ada',
  email: 'Ada@Example.com',
  email_verified: true,
  name: 'Ada Lovelace',
  groups: ['Engineering', 'Analysts'],
};

let provider: TestOidcProvider;
let t: TestServer;

async function startLore(extra: Record<string, string> = {}): Promise<TestServer> {
  const port = await freePort();
  const loreUrl = `http://127.0.0.1:${port}`;
  provider = await startOidcProvider(loreUrl);
  return startTestServer({
    PORT: String(port),
    LORE_PUBLIC_URL: loreUrl,
    LORE_OIDC_ISSUER: provider.issuer,
    LORE_OIDC_CLIENT_ID: provider.clientId,
    LORE_OIDC_CLIENT_SECRET: provider.clientSecret,
    LORE_OIDC_DISPLAY_NAME: 'Example ID',
    LORE_OIDC_SCOPES: 'openid email profile groups',
    LORE_OIDC_GROUPS_CLAIM: 'groups',
    LORE_ADMIN_EMAIL: 'admin@example.com',
    LORE_ADMIN_PASSWORD: 'admin password 123',
    ...extra,
  });
}

async function expectRefused(response: Response, status: number, text: RegExp): Promise<void> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/text\/html/);
  const body = await response.text();
  expect(body).toMatch(text);
  expect(body).not.toMatch(/at .*\.ts:\d+/);
  expect(response.headers.getSetCookie().some((c) => c.startsWith('lore_session=lore'))).toBe(
    false,
  );
}

describe('sign-in with OpenID Connect', () => {
  beforeEach(async () => {
    t = await startLore();
  });
  afterEach(async () => {
    await t.close();
    await provider.close();
  });

  it('signs a new person in through the provider, creating their account and groups', async () => {
    provider.signInAs(ada);
    const providers = await expectJson(await t.request('/api/auth/providers'), 200);
    expect(providers).toEqual({
      password: true,
      providers: [{ id: 'oidc', displayName: 'Example ID', startUrl: '/auth/oidc' }],
    });

    const callback = await oidcRoundTrip(t, { returnTo: '/spaces?x=1' });
    expect(callback.status).toBe(302);
    expect(callback.headers.get('location')).toBe('/spaces?x=1');
    const me = await expectJson(await t.request('/api/me'), 200);
    expect(me.user).toMatchObject({
      email: 'ada@example.com',
      displayName: 'Ada Lovelace',
      role: 'member',
    });

    // The groups exist, managed by the provider, with Ada in them.
    const groups = t.server.services.storage.access.listGroups().map((g) => g.name);
    expect(groups.sort()).toEqual(['Analysts', 'Engineering']);
    const mine = t.server.services.storage.access.listGroupsOfUser(me.user.id);
    expect(mine).toHaveLength(2);

    // The account cannot be signed in to with any password.
    const password = await t.request('/api/auth/login', {
      method: 'POST',
      anonymous: true,
      json: { email: 'ada@example.com', password: '!sso' },
    });
    expect(password.status).toBe(401);
  });

  it('keeps provider-managed memberships in step at each sign-in, and leaves other groups alone', async () => {
    provider.signInAs(ada);
    expect((await oidcRoundTrip(t)).status).toBe(302);
    const me = await expectJson(await t.request('/api/me'), 200);
    const access = t.server.services.storage.access;
    const admin = t.server.services.accounts.findAccount(null, 'admin@example.com');
    const handMade = t.server.services.groups.create(admin, 'Writers');
    t.server.services.groups.addMember(admin, handMade.id, me.user.id);

    provider.signInAs({ ...ada, groups: ['engineering', 'Writers'] });
    expect((await oidcRoundTrip(t)).status).toBe(302);
    const names = access
      .listGroupsOfUser(me.user.id)
      .map((id) => access.findGroupById(id)?.name)
      .sort();
    // Removed from Analysts; still in Engineering (matched without regard to case) and in the
    // hand-made Writers, which the provider's claim neither adds to nor removes from.
    expect(names).toEqual(['Engineering', 'Writers']);

    provider.signInAs({ ...ada, groups: [] });
    expect((await oidcRoundTrip(t)).status).toBe(302);
    const after = access.listGroupsOfUser(me.user.id).map((id) => access.findGroupById(id)?.name);
    expect(after).toEqual(['Writers']);
  });

  it('links an existing account by verified email, and refuses disabled accounts', async () => {
    await t.request('/api/auth/login', {
      method: 'POST',
      json: { email: 'admin@example.com', password: 'admin password 123' },
    });
    const created = await expectJson(
      await t.request('/api/users', {
        method: 'POST',
        json: { email: 'ada@example.com', displayName: 'Ada', password: 'password 1234' },
      }),
      201,
    );
    provider.signInAs(ada);
    expect((await oidcRoundTrip(t)).status).toBe(302);
    const me = await expectJson(await t.request('/api/me'), 200);
    expect(me.user.id).toBe(created.user.id);
    const links = t.server.services.storage.identityLinks.listLinksOfUser(created.user.id);
    expect(links).toMatchObject([{ providerId: provider.issuer, subject: 'sub-ada' }]);

    const admin = t.server.services.accounts.findAccount(null, 'admin@example.com');
    t.server.services.accounts.updateAccount(admin, created.user.id, { disabled: true });
    await expectRefused(await oidcRoundTrip(t), 403, /disabled/);
  });

  it('refuses an unverified email', async () => {
    provider.signInAs({ ...ada, email_verified: false });
    await expectRefused(await oidcRoundTrip(t), 403, /not verified your email/);
    expect(t.server.services.accounts.findAccountByEmail('ada@example.com')).toBeNull();
  });

  it('refuses a state that does not match', async () => {
    provider.signInAs(ada);
    const response = await oidcRoundTrip(t, {
      callbackUrl: (url) => url.searchParams.set('state', 'forged-state'),
    });
    await expectRefused(response, 400, /could not verify/);
    expect((await t.request('/api/me')).status).toBe(401);
  });

  it('refuses a callback without the browser that started the sign-in, or used twice', async () => {
    provider.signInAs(ada);
    let callback = '';
    const first = await oidcRoundTrip(t, {
      callbackUrl: (url) => {
        callback = `${url.pathname}${url.search}`;
      },
    });
    expect(first.status).toBe(302);
    await expectRefused(await t.request(callback, { redirect: 'manual' }), 400, /expired/);
    await expectRefused(
      await t.request(callback, { redirect: 'manual', anonymous: true }),
      400,
      /expired/,
    );
  });

  it('refuses an ID token whose nonce is not the one sent', async () => {
    provider.signInAs(ada);
    const response = await oidcRoundTrip(t, {
      authorizationUrl: (url) => url.searchParams.set('nonce', 'another-nonce'),
    });
    await expectRefused(response, 400, /could not verify/);
  });

  it('is refused by the provider without PKCE, and with a verifier that does not match', async () => {
    provider.signInAs(ada);
    const without = await oidcRoundTrip(t, {
      authorizationUrl: (url) => {
        url.searchParams.delete('code_challenge');
        url.searchParams.delete('code_challenge_method');
      },
    });
    await expectRefused(without, 401, /did not sign you in/);
    const wrong = await oidcRoundTrip(t, {
      authorizationUrl: (url) =>
        url.searchParams.set('code_challenge', 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM'),
    });
    await expectRefused(wrong, 400, /could not verify/);
    expect((await t.request('/api/me')).status).toBe(401);
  });

  it('refuses an expired ID token (beyond the 60 s allowance) and accepts a little skew', async () => {
    provider.signInAs(ada);
    const now = Math.floor(Date.now() / 1000);
    provider.tamperIdToken((claims, key) =>
      signIdToken({ ...claims, iat: now - 600, exp: now - 90 }, key.current, key.kid),
    );
    await expectRefused(await oidcRoundTrip(t), 400, /could not verify/);
    provider.tamperIdToken((claims, key) =>
      signIdToken({ ...claims, iat: now - 600, exp: now - 30 }, key.current, key.kid),
    );
    expect((await oidcRoundTrip(t)).status).toBe(302);
  });

  it('refuses an ID token signed with a key the provider does not publish', async () => {
    provider.signInAs(ada);
    const { privateKey } = await generateKeyPair('RS256');
    provider.tamperIdToken((claims, key) => signIdToken(claims, privateKey, key.kid));
    await expectRefused(await oidcRoundTrip(t), 400, /could not verify/);
    expect((await t.request('/api/me')).status).toBe(401);
  });

  it('still signs in after the provider rotates its signing key', async () => {
    provider.signInAs(ada);
    expect((await oidcRoundTrip(t)).status).toBe(302);
    await provider.rotateKeys();
    // Lore asks for the keys again at most once a second.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await oidcRoundTrip(t)).status).toBe(302);
    expect((await t.request('/api/me')).status).toBe(200);
  });

  it('signs out at the provider too when the session began there', async () => {
    provider.signInAs(ada);
    expect((await oidcRoundTrip(t)).status).toBe(302);
    const out = await expectJson(await t.request('/api/auth/logout', { method: 'POST' }), 200);
    const end = new URL(out.redirectTo);
    expect(end.origin).toBe(provider.issuer);
    expect(end.searchParams.get('post_logout_redirect_uri')).toBe(`${t.url}/login`);
    expect((await t.request('/api/me')).status).toBe(401);
    // A password session signs out as before.
    await t.request('/api/auth/login', {
      method: 'POST',
      json: { email: 'admin@example.com', password: 'admin password 123' },
    });
    expect((await t.request('/api/auth/logout', { method: 'POST' })).status).toBe(204);
  });

  it('keeps returnTo on this site', async () => {
    for (const evil of ['https://evil.example/x', '//evil.example', '/\\evil.example', 'x']) {
      const start = await t.request(`/auth/oidc?returnTo=${encodeURIComponent(evil)}`, {
        redirect: 'manual',
      });
      expect(start.status).toBe(302);
    }
    provider.signInAs(ada);
    const callback = await oidcRoundTrip(t, { returnTo: '//evil.example/path' });
    expect(callback.headers.get('location')).toBe('/');
  });
});

describe('SSO-only mode', () => {
  beforeEach(async () => {
    t = await startLore({ LORE_SSO_ONLY: 'true', LORE_SSO_BREAK_GLASS: 'admin@example.com' });
  });
  afterEach(async () => {
    await t.close();
    await provider.close();
  });

  it('refuses password sign-in except for break-glass accounts', async () => {
    const providers = await expectJson(await t.request('/api/auth/providers'), 200);
    expect(providers.password).toBe(false);
    const admin = await t.request('/api/auth/login', {
      method: 'POST',
      json: { email: 'admin@example.com', password: 'admin password 123' },
    });
    expect(admin.status).toBe(200);
    await expectJson(
      await t.request('/api/users', {
        method: 'POST',
        json: { email: 'bob@example.com', displayName: 'Bob', password: 'password 1234' },
      }),
      201,
    );
    const bob = await t.request('/api/auth/login', {
      method: 'POST',
      anonymous: true,
      json: { email: 'bob@example.com', password: 'password 1234' },
    });
    const body = await expectJson(bob, 403);
    expect(body.error.message).toMatch(/identity provider/);
  });
});
