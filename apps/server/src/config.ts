import { existsSync } from 'node:fs';
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type EmailTiming, isTimeZone } from '@lore/core';
import { z } from 'zod';
import { type MailConfig, mailConfigFrom, mailConfigShape } from './mail/mailConfig';
import { type SearchConfig, searchConfigFrom, searchConfigShape } from './search/searchConfig';
import { type SsoConfig, ssoConfigFrom, ssoConfigShape } from './sso/ssoConfig';
import { type StoreConfig, storageConfigShape, storeConfigFrom } from './storage/storageConfig';

/**
 * Which proxies in front of Lore to believe about the client's address (`X-Forwarded-For`) and
 * protocol: none, a number of hops counted from Lore, or a list of addresses and CIDR ranges.
 * `true` means one hop, never "every hop": trusting the leftmost entry lets anyone pick their
 * address by sending the header themselves.
 */
export type TrustProxy = false | number | readonly string[];

function isAddressOrRange(entry: string): boolean {
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address ?? '');
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d+$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
}

const trustProxyField = z.string().transform((value, context): TrustProxy => {
  const text = value.trim().toLowerCase();
  if (['false', 'no', '0'].includes(text)) return false;
  if (['true', 'yes'].includes(text)) return 1;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops <= 10) return hops;
  }
  const entries = text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const bad = entries.filter((entry) => !isAddressOrRange(entry));
  if (entries.length === 0 || bad.length > 0) {
    context.addIssue({
      code: 'custom',
      message: `must be false, a number of hops (1-10) or a comma list of addresses/CIDRs${
        bad.length > 0 ? `; not an address or range: ${bad.join(', ')}` : ''
      }`,
    });
    return z.NEVER;
  }
  return entries;
});

const defaultWebDist = fileURLToPath(new URL('../../web/dist/', import.meta.url));

/** Every environment variable Lore reads, with its default and meaning (docs/configuration.md). */
export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  LORE_DATA_DIR: z.string().min(1).default('./data'),
  LORE_PUBLIC_URL: z
    .url({
      protocol: /^https?$/,
      message: 'must be an http(s) URL such as https://wiki.example.com',
    })
    .optional(),
  LORE_SQLITE_SYNCHRONOUS: z.enum(['NORMAL', 'FULL']).default('NORMAL'),
  LORE_LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info'),
  LORE_BODY_LIMIT: z
    .string()
    .regex(/^\d+(b|kb|mb)$/i, 'must look like 1mb, 512kb or 1048576b')
    .default('1mb'),
  LORE_SESSION_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  LORE_SESSION_MAX_AGE_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  LORE_LOGIN_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(10_000).default(5),
  LORE_LOGIN_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
  LORE_LOGIN_MAX_DELAY_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
  LORE_PASSWORD_HASH_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  LORE_PASSWORD_HASH_QUEUE: z.coerce.number().int().min(0).max(10_000).default(64),
  LORE_TRUST_PROXY: trustProxyField.default(false),
  LORE_AUDIT_RETENTION_DAYS: z.coerce.number().int().min(0).max(36_500).default(365),
  LORE_WATCH_WINDOW_HOURS: z.coerce.number().min(0).max(8_760).default(6),
  LORE_WATCH_MIN_CHANGE_CHARS: z.coerce.number().int().min(0).max(1_000_000).default(20),
  LORE_NOTIFICATIONS_POLL_SECONDS: z.coerce.number().min(0.05).max(3_600).default(5),
  LORE_DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(8),
  LORE_DIGEST_TIME_ZONE: z
    .string()
    .max(100)
    .refine(isTimeZone, 'must be an IANA time zone such as Europe/Paris or UTC')
    .optional(),
  LORE_EMAIL_BATCH_SECONDS: z.coerce.number().min(0).max(86_400).default(60),
  LORE_EMAIL_POLL_SECONDS: z.coerce.number().min(0.05).max(3_600).default(15),
  LORE_EMAIL_RETRY_SECONDS: z.coerce.number().min(0.05).max(86_400).default(60),
  LORE_ADMIN_EMAIL: z.email().optional(),
  LORE_ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
  LORE_ADMIN_NAME: z.string().min(1).max(100).default('Admin'),
  LORE_WEB_DIST: z.string().min(1).optional(),
  LORE_COLLAB_MAX_MESSAGE_MB: z.coerce.number().min(0.1).max(256).default(8),
  LORE_COLLAB_SOCKET_MAX_SECONDS: z.coerce.number().int().min(1).max(604_800).default(43_200),
  LORE_ATTACHMENT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(1024 * 1024 * 1024, 'must be at most 1073741824 (1 GiB)')
    .default(25 * 1024 * 1024),
  ...storageConfigShape,
  ...searchConfigShape,
  ...mailConfigShape,
  ...ssoConfigShape,
});

export interface Config {
  readonly env: 'development' | 'production' | 'test';
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly databasePath: string;
  readonly publicUrl: URL | null;
  readonly sqliteSynchronous: 'NORMAL' | 'FULL';
  readonly logLevel: string;
  readonly bodyLimit: string;
  /** How long a session lives without use. */
  readonly sessionTtlMs: number;
  /** How long a session lives at most after sign-in, however much it is used. */
  readonly sessionMaxAgeMs: number;
  /** Failed sign-ins per account before delays start (five times as many per address). */
  readonly loginMaxAttempts: number;
  /** Failures are forgotten after this long without an attempt. */
  readonly loginWindowMs: number;
  /** The longest delay between sign-in attempts after repeated failures. */
  readonly loginMaxDelayMs: number;
  /** Password hashes computed at once, and how many may wait before requests are refused. */
  readonly passwordHashing: { readonly concurrency: number; readonly queue: number };
  readonly trustProxy: TrustProxy;
  /** Audit records older than this many days are removed (daily and at start); 0 keeps them. */
  readonly auditRetentionDays: number;
  readonly notifications: {
    /** A watcher hears of a page's changes at most once in this time. */
    readonly watchWindowMs: number;
    /** Changes smaller than this many characters (since the page's last revision) tell no one. */
    readonly minChangeChars: number;
    /** How often a live unread count asks the database (other processes' changes). */
    readonly streamPollMs: number;
    /** When notification emails go out (instant window, digest hour and time zone). */
    readonly emailTiming: EmailTiming;
    /** How often the email sender looks for email that is due. */
    readonly emailPollMs: number;
    /** How long after a failed send (mail server down, "try again later") it is tried again. */
    readonly emailRetryMs: number;
  };
  readonly initialAdmin: { email: string; password: string; displayName: string } | null;
  /** Folder of the built web app, served on the same port; null when it is not served. */
  readonly webDist: string | null;
  /** Largest collaboration websocket frame accepted, in bytes. */
  readonly collabMaxMessageBytes: number;
  /** A collaboration socket older than this is asked to reconnect, proving who it is again. */
  readonly collabSocketMaxMs: number;
  /** Largest attachment upload accepted, in bytes. */
  readonly attachmentMaxBytes: number;
  readonly search: SearchConfig;
  /** Where the stores live: the SQLite file in the data folder, or a shared PostgreSQL. */
  readonly store: StoreConfig;
  /** Attachment files; every process of a cluster must see the same folder. */
  readonly attachmentsDir: string;
  /** Cross-process collaboration relay (`redis://…`), or null for a single process. */
  readonly relayUrl: string | null;
  /** Outgoing email (SMTP), off unless `LORE_SMTP_URL` is set. */
  readonly mail: MailConfig;
  /** Single sign-on (OpenID Connect), off unless `LORE_OIDC_ISSUER` is set. */
  readonly sso: SsoConfig;
}

export class ConfigError extends Error {}

/**
 * Reads and validates the configuration once, from an environment-like object. Throws
 * `ConfigError` listing every bad variable, so an operator fixes them all in one go.
 */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const known = Object.fromEntries(
    Object.keys(configSchema.shape)
      .filter((key) => env[key] !== undefined && env[key] !== '')
      .map((key) => [key, env[key]]),
  );
  const parsed = configSchema.safeParse(known);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const value = parsed.data;
  if (Boolean(value.LORE_ADMIN_EMAIL) !== Boolean(value.LORE_ADMIN_PASSWORD)) {
    throw new ConfigError(
      'Invalid configuration:\n  LORE_ADMIN_EMAIL and LORE_ADMIN_PASSWORD must be set together.',
    );
  }
  const store = storeConfigFrom(value);
  if ('error' in store) throw new ConfigError(`Invalid configuration:\n  ${store.error}`);
  const search = searchConfigFrom(value);
  if ('error' in search) throw new ConfigError(`Invalid configuration:\n  ${search.error}`);
  const mail = mailConfigFrom(value);
  if ('error' in mail) throw new ConfigError(`Invalid configuration:\n  ${mail.error}`);
  const sso = ssoConfigFrom(value);
  if ('error' in sso) throw new ConfigError(`Invalid configuration:\n  ${sso.error}`);
  const dataDir = resolve(value.LORE_DATA_DIR);
  const webDist = resolve(value.LORE_WEB_DIST ?? defaultWebDist);
  const serveWeb = value.NODE_ENV === 'production' || value.LORE_WEB_DIST !== undefined;
  if (serveWeb && !existsSync(resolve(webDist, 'index.html'))) {
    throw new ConfigError(
      `The web app is not built: ${webDist}index.html is missing. Run \`pnpm build\` first.`,
    );
  }
  return {
    env: value.NODE_ENV,
    port: value.PORT,
    host: value.HOST,
    dataDir,
    databasePath: resolve(dataDir, 'lore.db'),
    publicUrl: value.LORE_PUBLIC_URL ? new URL(value.LORE_PUBLIC_URL) : null,
    sqliteSynchronous: value.LORE_SQLITE_SYNCHRONOUS,
    logLevel: value.LORE_LOG_LEVEL,
    bodyLimit: value.LORE_BODY_LIMIT,
    sessionTtlMs: value.LORE_SESSION_TTL_DAYS * 86_400_000,
    sessionMaxAgeMs: value.LORE_SESSION_MAX_AGE_DAYS * 86_400_000,
    loginMaxAttempts: value.LORE_LOGIN_MAX_ATTEMPTS,
    loginWindowMs: value.LORE_LOGIN_WINDOW_SECONDS * 1000,
    loginMaxDelayMs: value.LORE_LOGIN_MAX_DELAY_SECONDS * 1000,
    passwordHashing: {
      concurrency: value.LORE_PASSWORD_HASH_CONCURRENCY,
      queue: value.LORE_PASSWORD_HASH_QUEUE,
    },
    trustProxy: value.LORE_TRUST_PROXY,
    auditRetentionDays: value.LORE_AUDIT_RETENTION_DAYS,
    notifications: {
      watchWindowMs: Math.round(value.LORE_WATCH_WINDOW_HOURS * 3_600_000),
      minChangeChars: value.LORE_WATCH_MIN_CHANGE_CHARS,
      streamPollMs: Math.round(value.LORE_NOTIFICATIONS_POLL_SECONDS * 1000),
      emailTiming: {
        batchMs: Math.round(value.LORE_EMAIL_BATCH_SECONDS * 1000),
        digestHour: value.LORE_DIGEST_HOUR,
        // The server's own zone unless one is named.
        timeZone: value.LORE_DIGEST_TIME_ZONE ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
      },
      emailPollMs: Math.round(value.LORE_EMAIL_POLL_SECONDS * 1000),
      emailRetryMs: Math.round(value.LORE_EMAIL_RETRY_SECONDS * 1000),
    },
    initialAdmin:
      value.LORE_ADMIN_EMAIL && value.LORE_ADMIN_PASSWORD
        ? {
            email: value.LORE_ADMIN_EMAIL,
            password: value.LORE_ADMIN_PASSWORD,
            displayName: value.LORE_ADMIN_NAME,
          }
        : null,
    webDist: serveWeb ? webDist : null,
    collabMaxMessageBytes: Math.round(value.LORE_COLLAB_MAX_MESSAGE_MB * 1024 * 1024),
    collabSocketMaxMs: value.LORE_COLLAB_SOCKET_MAX_SECONDS * 1000,
    attachmentMaxBytes: value.LORE_ATTACHMENT_MAX_BYTES,
    search,
    store,
    attachmentsDir: resolve(value.LORE_ATTACHMENTS_DIR ?? resolve(dataDir, 'attachments')),
    relayUrl: value.LORE_RELAY ?? null,
    mail,
    sso,
  };
}
