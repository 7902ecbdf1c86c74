import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

/** Paths that carry a credential: the unsubscribe links' signed tokens. */
const credentialInPath = /^\/unsubscribe\/[^/]+/;

/**
 * One line per request: method, path (never the query string, which may carry a token, nor an
 * unsubscribe token), status and duration.
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
          path: req.path.replace(credentialInPath, '/unsubscribe/[redacted]'),
          status: res.statusCode,
          ms: Math.round(ms),
        },
        'http',
      );
    });
    next();
  };
}
