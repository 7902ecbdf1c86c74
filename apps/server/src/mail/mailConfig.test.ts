import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config';
import { createLogger } from '../logger';

const on = {
  LORE_MAIL_FROM: 'Lore <wiki@example.com>',
  LORE_PUBLIC_URL: 'https://wiki.example.com',
};

/** The configuration error's message for `env`. */
function refusal(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('the configuration was accepted');
}

describe('email configuration', () => {
  it('is off without LORE_SMTP_URL', () => {
    expect(loadConfig({}).mail).toEqual({ smtp: null, from: null });
    expect(loadConfig({ LORE_MAIL_FROM: 'wiki@example.com' }).mail).toEqual({
      smtp: null,
      from: 'wiki@example.com',
    });
  });

  it('reads the server, port, TLS mode and percent-encoded credentials from the URL', () => {
    expect(
      loadConfig({
        ...on,
        LORE_SMTP_URL: 'smtp://lore%40example.com:p%40ss%3Aw%2Frd@mail.example.com',
      }).mail,
    ).toEqual({
      smtp: {
        host: 'mail.example.com',
        port: 587,
        secure: false,
        requireTls: false,
        user: 'lore@example.com',
        password: 'p@ss:w/rd',
      },
      from: 'Lore <wiki@example.com>',
    });
    expect(loadConfig({ ...on, LORE_SMTP_URL: 'smtps://mail.example.com' }).mail.smtp).toEqual({
      host: 'mail.example.com',
      port: 465,
      secure: true,
      requireTls: false,
      user: null,
      password: null,
    });
    expect(
      loadConfig({ ...on, LORE_SMTP_URL: 'smtp://[::1]:2525/?requireTLS=true' }).mail.smtp,
    ).toMatchObject({ host: '::1', port: 2525, secure: false, requireTls: true });
  });

  it('refuses a bad URL at start, naming the variable and never repeating the password', () => {
    const cases: [string, RegExp][] = [
      ['https://user:hunter2@mail.example.com', /smtp:\/\/ or smtps:\/\//],
      ['mail.example.com:587', /LORE_SMTP_URL/],
      ['smtp://user:hunter2@mail.example.com/inbox', /path/],
      ['smtp://user:hunter2@mail.example.com?pool=true', /unknown options \(pool\)/],
      ['smtp://user:hunter2@mail.example.com?requireTLS=yes', /requireTLS/],
      ['smtp://:hunter2@mail.example.com', /no user name/],
      ['smtp://user:hunter2%zz@mail.example.com', /percent-encoded/],
    ];
    for (const [url, message] of cases) {
      const text = refusal({ ...on, LORE_SMTP_URL: url });
      expect(text).toMatch(/LORE_SMTP_URL/);
      expect(text).toMatch(message);
      expect(text).not.toContain('hunter2');
    }
  });

  it('needs a sender and the public address when email is on', () => {
    const url = 'smtp://mail.example.com';
    expect(refusal({ LORE_SMTP_URL: url, LORE_PUBLIC_URL: on.LORE_PUBLIC_URL })).toMatch(
      /LORE_MAIL_FROM/,
    );
    expect(refusal({ LORE_SMTP_URL: url, LORE_MAIL_FROM: on.LORE_MAIL_FROM })).toMatch(
      /LORE_PUBLIC_URL/,
    );
    expect(refusal({ ...on, LORE_SMTP_URL: url, LORE_MAIL_FROM: 'not an address' })).toMatch(
      /LORE_MAIL_FROM/,
    );
    expect(
      refusal({ ...on, LORE_SMTP_URL: url, LORE_MAIL_FROM: 'Lore <a@b>\r\nBcc: x@y' }),
    ).toMatch(/LORE_MAIL_FROM/);
  });

  it('keeps the SMTP password out of the log', () => {
    const lines: string[] = [];
    const logger = createLogger(
      'info',
      new Writable({
        write(chunk, _encoding, done) {
          lines.push(String(chunk));
          done();
        },
      }),
    );
    const config = loadConfig({ ...on, LORE_SMTP_URL: 'smtps://lore:hunter2@mail.example.com' });
    logger.info({ config }, 'configuration');
    logger.info({ mail: config.mail }, 'email');
    logger.info({ smtp: config.mail.smtp }, 'smtp');
    expect(lines).toHaveLength(3);
    expect(lines.join('')).not.toContain('hunter2');
    expect(lines.join('')).toContain('[redacted]');
  });
});
