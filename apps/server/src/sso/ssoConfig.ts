import type { Role } from '@lore/core';
import { z } from 'zod';

/** Sign-in through an OpenID Connect provider (from `LORE_OIDC_*`); the secret is never shown. */
export interface OidcSettings {
  readonly issuer: URL;
  readonly clientId: string;
  readonly clientSecret: string;
  /** The provider's name on the login page's button ("Sign in with …"). */
  readonly displayName: string;
  readonly scopes: readonly string[];
  /** The ID-token or userinfo claim holding the person's group names; null to leave groups alone. */
  readonly groupsClaim: string | null;
  /** Where the provider sends people back: `<LORE_PUBLIC_URL>/auth/oidc/callback`. */
  readonly redirectUri: string;
  /** The workspace role of accounts created at their first sign-in. */
  readonly defaultRole: Role;
}

/** Single sign-on: the provider, and whether passwords still work. */
export interface SsoConfig {
  readonly oidc: OidcSettings | null;
  /** Password sign-in is refused, except for the break-glass accounts. */
  readonly ssoOnly: boolean;
  /** Emails (lower case) that may still sign in with a password when `ssoOnly` is on. */
  readonly breakGlass: readonly string[];
}

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => ['true', '1', 'yes'].includes(value));

/** The single sign-on variables of the environment, merged into the server's config schema. */
export const ssoConfigShape = {
  LORE_OIDC_ISSUER: z
    .url({ protocol: /^https?$/, message: "must be the provider's issuer URL (https://…)" })
    .optional(),
  LORE_OIDC_CLIENT_ID: z.string().min(1).max(500).optional(),
  LORE_OIDC_CLIENT_SECRET: z.string().min(1).max(2000).optional(),
  LORE_OIDC_DISPLAY_NAME: z.string().min(1).max(60).default('Single sign-on'),
  LORE_OIDC_SCOPES: z.string().min(1).max(500).default('openid email profile'),
  LORE_OIDC_GROUPS_CLAIM: z.string().min(1).max(200).optional(),
  LORE_OIDC_DEFAULT_ROLE: z.enum(['admin', 'member', 'guest']).default('member'),
  LORE_SSO_ONLY: flag.default(false),
  LORE_SSO_BREAK_GLASS: z.string().max(5000).optional(),
};

type SsoEnv = {
  LORE_OIDC_ISSUER?: string | undefined;
  LORE_OIDC_CLIENT_ID?: string | undefined;
  LORE_OIDC_CLIENT_SECRET?: string | undefined;
  LORE_OIDC_DISPLAY_NAME: string;
  LORE_OIDC_SCOPES: string;
  LORE_OIDC_GROUPS_CLAIM?: string | undefined;
  LORE_OIDC_DEFAULT_ROLE: Role;
  LORE_SSO_ONLY: boolean;
  LORE_SSO_BREAK_GLASS?: string | undefined;
  LORE_PUBLIC_URL?: string | undefined;
};

/** The single sign-on part of the configuration, or what is wrong with it. */
export function ssoConfigFrom(env: SsoEnv): SsoConfig | { error: string } {
  const breakGlass = (env.LORE_SSO_BREAK_GLASS ?? '')
    .split(',')
    .map((email) => email.trim().toLowerCase())
    .filter(Boolean);
  if (breakGlass.some((email) => !/^[^\s@]+@[^\s@]+$/.test(email))) {
    return { error: 'LORE_SSO_BREAK_GLASS must be a comma list of email addresses.' };
  }
  const parts = [env.LORE_OIDC_ISSUER, env.LORE_OIDC_CLIENT_ID, env.LORE_OIDC_CLIENT_SECRET];
  const given = parts.filter((part) => part !== undefined).length;
  if (given === 0) {
    if (env.LORE_SSO_ONLY) {
      return { error: 'LORE_SSO_ONLY needs a provider: set LORE_OIDC_ISSUER and its client.' };
    }
    return { oidc: null, ssoOnly: false, breakGlass };
  }
  if (given < parts.length) {
    return {
      error:
        'LORE_OIDC_ISSUER, LORE_OIDC_CLIENT_ID and LORE_OIDC_CLIENT_SECRET must be set together.',
    };
  }
  if (env.LORE_PUBLIC_URL === undefined) {
    return {
      error:
        'LORE_OIDC_ISSUER needs LORE_PUBLIC_URL (https://wiki.example.com): the provider sends people back to it.',
    };
  }
  const scopes = env.LORE_OIDC_SCOPES.split(/\s+/).filter(Boolean);
  if (!scopes.includes('openid')) return { error: 'LORE_OIDC_SCOPES must include openid.' };
  return {
    oidc: {
      issuer: new URL(env.LORE_OIDC_ISSUER as string),
      clientId: env.LORE_OIDC_CLIENT_ID as string,
      clientSecret: env.LORE_OIDC_CLIENT_SECRET as string,
      displayName: env.LORE_OIDC_DISPLAY_NAME,
      scopes,
      groupsClaim: env.LORE_OIDC_GROUPS_CLAIM ?? null,
      redirectUri: new URL('/auth/oidc/callback', env.LORE_PUBLIC_URL).href,
      defaultRole: env.LORE_OIDC_DEFAULT_ROLE,
    },
    ssoOnly: env.LORE_SSO_ONLY,
    breakGlass,
  };
}
