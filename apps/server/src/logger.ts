import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * The process logger. Credentials are redacted wherever they could appear, so neither a
 * password, a session cookie nor a token ever reaches the log.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'lore' },
    redact: {
      paths: [
        'password',
        '*.password',
        'token',
        '*.token',
        'headers.cookie',
        'headers.authorization',
        '*.headers.cookie',
        '*.headers.authorization',
        'config.initialAdmin.password',
        'config.mail.smtp.password',
        'mail.smtp.password',
        'smtp.password',
      ],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
