import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config';

const oidc = {
  LORE_PUBLIC_URL: 'https://wiki.example.com',
  LORE_OIDC_ISSUER: 'https://id.example.com',
  LORE_OIDC_CLIENT_ID: 'lore',
  LORE_OIDC_CLIENT_SECRET: 'secret',
};

describe('single sign-on configuration', () => {
  it('is off by default', () => {
    expect(loadConfig({}).sso).toEqual({ oidc: null, ssoOnly: false, breakGlass: [] });
  });

  it('derives the redirect URI and applies the defaults', () => {
    const { sso } = loadConfig({ ...oidc, LORE_SSO_BREAK_GLASS: ' Root@Example.com, b@x.y ' });
    expect(sso.oidc).toMatchObject({
      clientId: 'lore',
      displayName: 'Single sign-on',
      scopes: ['openid', 'email', 'profile'],
      groupsClaim: null,
      redirectUri: 'https://wiki.example.com/auth/oidc/callback',
      defaultRole: 'member',
    });
    expect(sso.breakGlass).toEqual(['root@example.com', 'b@x.y']);
  });

  it('names what is missing or wrong', () => {
    const fails = (env: Record<string, string>, message: RegExp) =>
      expect(() => loadConfig(env)).toThrow(message);
    fails({ LORE_OIDC_ISSUER: oidc.LORE_OIDC_ISSUER }, /must be set together/);
    fails({ ...oidc, LORE_PUBLIC_URL: '' }, /needs LORE_PUBLIC_URL/);
    fails({ ...oidc, LORE_OIDC_SCOPES: 'email profile' }, /must include openid/);
    fails({ LORE_SSO_ONLY: 'true' }, /needs a provider/);
    fails({ ...oidc, LORE_SSO_BREAK_GLASS: 'not an email' }, /comma list of email/);
    fails({ ...oidc, LORE_OIDC_DEFAULT_ROLE: 'owner' }, /LORE_OIDC_DEFAULT_ROLE/);
    expect(() => loadConfig({ LORE_SSO_ONLY: 'true' })).toThrow(ConfigError);
  });
});
