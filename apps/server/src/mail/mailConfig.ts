import { z } from 'zod';

/** How to reach the SMTP server (from `LORE_SMTP_URL`). The password is never logged. */
export interface SmtpSettings {
  readonly host: string;
  readonly port: number;
  /** `smtps://`: TLS from the first byte (usually port 465); otherwise STARTTLS when offered. */
  readonly secure: boolean;
  /** `?requireTLS=true`: refuse to send unless the server upgrades to TLS (STARTTLS). */
  readonly requireTls: boolean;
  readonly user: string | null;
  readonly password: string | null;
}

/** Outgoing email: off (no `smtp`) unless `LORE_SMTP_URL` is set. */
export interface MailConfig {
  readonly smtp: SmtpSettings | null;
  /** The sender, `Lore <wiki@example.com>` or a bare address. */
  readonly from: string | null;
}

/** The email variables of the environment, merged into the server's config schema. */
export const mailConfigShape = {
  LORE_SMTP_URL: z.string().min(1).max(2000).optional(),
  LORE_MAIL_FROM: z
    .string()
    .max(300)
    .regex(
      /^(?:[^<>\r\n]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/,
      'must be an address (wiki@example.com) or a name and an address (Lore <wiki@example.com>)',
    )
    .optional(),
};

type MailEnv = {
  LORE_SMTP_URL?: string | undefined;
  LORE_MAIL_FROM?: string | undefined;
  LORE_PUBLIC_URL?: string | undefined;
};

/**
 * The email part of the configuration; the message names what is wrong and never repeats the
 * URL, which may hold a password.
 */
export function mailConfigFrom(env: MailEnv): MailConfig | { error: string } {
  const from = env.LORE_MAIL_FROM ?? null;
  if (env.LORE_SMTP_URL === undefined) return { smtp: null, from };
  const smtp = smtpSettingsFrom(env.LORE_SMTP_URL);
  if ('error' in smtp) return { error: `LORE_SMTP_URL ${smtp.error}` };
  if (from === null) {
    return { error: 'LORE_SMTP_URL needs LORE_MAIL_FROM, the sender (Lore <wiki@example.com>).' };
  }
  if (env.LORE_PUBLIC_URL === undefined) {
    return {
      error:
        'LORE_SMTP_URL needs LORE_PUBLIC_URL (https://wiki.example.com): links in emails must name the wiki.',
    };
  }
  return { smtp, from };
}

const example = 'such as smtp://user:password@mail.example.com:587 or smtps://mail.example.com';

function smtpSettingsFrom(text: string): SmtpSettings | { error: string } {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { error: `is not a URL; use one ${example}.` };
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    return { error: `must start with smtp:// or smtps://, ${example}.` };
  }
  if (url.hostname === '') return { error: `names no host; use one ${example}.` };
  if (url.pathname !== '' && url.pathname !== '/') {
    return { error: `must not have a path; use one ${example}.` };
  }
  const unknown = [...url.searchParams.keys()].filter((key) => key !== 'requireTLS');
  if (unknown.length > 0) {
    return { error: `has unknown options (${unknown.join(', ')}); only requireTLS=true is known.` };
  }
  const requireTls = url.searchParams.get('requireTLS');
  if (requireTls !== null && requireTls !== 'true' && requireTls !== 'false') {
    return { error: 'has requireTLS set to something other than true or false.' };
  }
  const secure = url.protocol === 'smtps:';
  let user: string | null = null;
  let password: string | null = null;
  try {
    user = url.username === '' ? null : decodeURIComponent(url.username);
    password = url.password === '' ? null : decodeURIComponent(url.password);
  } catch {
    return { error: 'has a user name or password that is not correctly percent-encoded.' };
  }
  if (password !== null && user === null) return { error: 'has a password but no user name.' };
  return {
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port === '' ? (secure ? 465 : 587) : Number(url.port),
    secure,
    requireTls: requireTls === 'true',
    user,
    password,
  };
}
