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
