import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('has working defaults for an embedded single-machine install', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.dataDir).toBe(resolve('./data'));
    expect(config.databasePath).toBe(resolve('./data/lore.db'));
    expect(config.sqliteSynchronous).toBe('NORMAL');
    expect(config.bodyLimit).toBe('1mb');
    expect(config.initialAdmin).toBeNull();
    expect(config.webDist).toBeNull();
  });

  it('keeps the stores in SQLite with FTS5 unless PostgreSQL is chosen', () => {
    const embedded = loadConfig({});
    expect(embedded.store).toEqual({ engine: 'sqlite' });
    expect(embedded.search).toEqual({ engine: 'fts5' });
    expect(embedded.attachmentsDir).toBe(resolve('./data/attachments'));
    expect(embedded.relayUrl).toBeNull();
    const url = 'postgresql://lore:secret@db:5432/lore';
    const cluster = loadConfig({
      LORE_STORE: 'postgres',
      LORE_DATABASE_URL: url,
      LORE_RELAY: 'redis://cache:6379',
      LORE_ATTACHMENTS_DIR: '/srv/lore-files',
    });
    expect(cluster.store).toEqual({ engine: 'postgres', url });
    expect(cluster.search).toEqual({ engine: 'postgres' });
    expect(cluster.attachmentsDir).toBe('/srv/lore-files');
    expect(cluster.relayUrl).toBe('redis://cache:6379');
  });

  it('refuses store and search combinations that cannot work, naming the fix', () => {
    expect(() => loadConfig({ LORE_STORE: 'postgres' })).toThrow(/LORE_DATABASE_URL/);
    expect(() => loadConfig({ LORE_STORE: 'postgres', LORE_DATABASE_URL: 'mysql://x' })).toThrow(
      /postgresql:\/\//,
    );
    expect(() =>
      loadConfig({
        LORE_STORE: 'postgres',
        LORE_DATABASE_URL: 'postgresql://db/lore',
        LORE_SEARCH: 'fts5',
      }),
    ).toThrow(/LORE_SEARCH=postgres or meilisearch/);
    expect(() => loadConfig({ LORE_SEARCH: 'postgres' })).toThrow(/LORE_STORE=postgres/);
    expect(() => loadConfig({ LORE_RELAY: 'http://cache' })).toThrow(/LORE_RELAY/);
  });

  it('reads when notification emails go, and refuses an unknown time zone or hour', () => {
    const defaults = loadConfig({}).notifications;
    expect(defaults.emailTiming.batchMs).toBe(60_000);
    expect(defaults.emailTiming.digestHour).toBe(8);
    expect(defaults.emailTiming.timeZone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(defaults.emailPollMs).toBe(15_000);
    expect(defaults.emailRetryMs).toBe(60_000);
    const chosen = loadConfig({
      LORE_DIGEST_HOUR: '17',
      LORE_DIGEST_TIME_ZONE: 'Europe/Paris',
      LORE_EMAIL_BATCH_SECONDS: '0',
    }).notifications.emailTiming;
    expect(chosen).toEqual({ batchMs: 0, digestHour: 17, timeZone: 'Europe/Paris' });
    expect(() => loadConfig({ LORE_DIGEST_TIME_ZONE: 'Mars/Olympus' })).toThrow(
      /LORE_DIGEST_TIME_ZONE/,
    );
    expect(() => loadConfig({ LORE_DIGEST_HOUR: '24' })).toThrow(/LORE_DIGEST_HOUR/);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', LORE_PUBLIC_URL: '' }).port).toBe(3000);
  });

  it('lists every bad variable at once', () => {
    let message = '';
    try {
      loadConfig({ PORT: 'eighty', LORE_SQLITE_SYNCHRONOUS: 'OFF', LORE_PUBLIC_URL: 'ftp://x' });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      message = (error as Error).message;
    }
    expect(message).toContain('PORT');
    expect(message).toContain('LORE_SQLITE_SYNCHRONOUS');
    expect(message).toContain('LORE_PUBLIC_URL');
  });

  it('requires the initial admin email and password together, with a real password', () => {
    expect(() => loadConfig({ LORE_ADMIN_EMAIL: 'a@b.co' })).toThrow(/set together/);
    expect(() => loadConfig({ LORE_ADMIN_EMAIL: 'a@b.co', LORE_ADMIN_PASSWORD: 'short' })).toThrow(
      /LORE_ADMIN_PASSWORD/,
    );
    expect(
      loadConfig({ LORE_ADMIN_EMAIL: 'a@b.co', LORE_ADMIN_PASSWORD: 'long enough pw' })
        .initialAdmin,
    ).toEqual({
      email: 'a@b.co',
      password: 'long enough pw',
      displayName: 'Admin',
    });
  });

  it('refuses production mode when the web app is not built where it is expected', () => {
    expect(() =>
      loadConfig({ NODE_ENV: 'production', LORE_WEB_DIST: '/nonexistent/dist' }),
    ).toThrow(/web app is not built/);
  });
});
