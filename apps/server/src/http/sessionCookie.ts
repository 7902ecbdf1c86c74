import type { Request, Response } from 'express';
import type { Config } from '../config';

export const sessionCookieName = 'lore_session';

/** The session secret from the Cookie header, or null. */
export function readSessionCookie(req: Request): string | null {
  return readSessionCookieHeader(req.headers.cookie);
}

/** The session secret from a raw Cookie header value, or null. */
export function readSessionCookieHeader(header: string | undefined): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index === -1) continue;
    if (part.slice(0, index).trim() === sessionCookieName) {
      const value = part.slice(index + 1).trim();
      return value.length > 0 && value.length < 200 ? value : null;
    }
  }
  return null;
}

function isSecure(req: Request, config: Config): boolean {
  return req.secure || config.publicUrl?.protocol === 'https:';
}

export function setSessionCookie(
  req: Request,
  res: Response,
  config: Config,
  secret: string,
): void {
  res.cookie(sessionCookieName, secret, {
    httpOnly: true,
    sameSite: 'lax',
    secure: isSecure(req, config),
    path: '/',
    maxAge: config.sessionTtlMs,
  });
}

export function clearSessionCookie(req: Request, res: Response, config: Config): void {
  res.clearCookie(sessionCookieName, {
    httpOnly: true,
    sameSite: 'lax',
    secure: isSecure(req, config),
    path: '/',
  });
}
