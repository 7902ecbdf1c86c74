import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

/**
 * Paths that carry a credential, and how they are logged: the unsubscribe links' signed tokens
 * and the secrets of share links (`/s/<43 characters>`; a page's short address `/s/<10>` is no
 * secret and is logged as it is).
 */
const credentialsInPaths: readonly [RegExp, string][] = [
  [/^\/unsubscribe\/[^/]+/, '/unsubscribe/[redacted]'],
  [/^\/s\/[A-Za-z0-9_-]{43}(?=\/|$)/, '/s/[redacted]'],
];

/** The path as it may be written to the log. */
export function loggablePath(path: string): string {
  return credentialsInPaths.reduce(
    (redacted, [pattern, replacement]) => redacted.replace(pattern, replacement),
    path,
  );
}

/**
 * One line per request: method, path (never the query string, which may carry a token, nor a
 * credential in the path: see `loggablePath`), status and duration.
 */
export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const level = res.statusCode >= 500 ? 'error' : 'info';
      logger[level](
        {
          method: req.method,
          path: loggablePath(req.path),
          status: res.statusCode,
          ms: Math.round(ms),
        },
        'http',
      );
    });
    next();
  };
}
