import { DomainError } from '@lore/core';
import express, { type Response, type Router } from 'express';
import type { Logger } from 'pino';
import { clearSessionCookie, readSessionCookie, setSessionCookie } from '../http/sessionCookie';
import { unsubscribePagePolicy, unsubscribeProblemHtml } from '../mail/unsubscribeHtml';
import type { Services } from '../Services';
import { safeReturnTo } from './safeReturnTo';
import {
  clearAttemptCookie,
  readAttemptCookie,
  setAttemptCookie,
  setSsoSessionCookie,
} from './ssoCookies';

/**
 * The browser side of OpenID Connect sign-in, outside `/api` because the browser navigates
 * here rather than calling it:
 *
 * - `GET /auth/oidc?returnTo=/path` sends the browser to the provider (authorization code flow
 *   with PKCE S256, state and nonce kept server-side under a cookie of this browser);
 * - `GET /auth/oidc/callback` checks the provider's answer, signs the person in with a normal
 *   session and opens `returnTo`.
 *
 * Whatever goes wrong answers a short page saying what happened and how to go on, never a
 * stack trace; the details go to the log.
 */
export function oidcView(services: Services, logger: Logger): Router {
  const router = express.Router();

  router.get('/auth/oidc', async (req, res) => {
    const sso = services.sso;
    if (!sso) {
      problem(
        res,
        404,
        'Single sign-on is off',
        'This wiki has no identity provider configured. Sign in with your email and password.',
      );
      return;
    }
    let started: Awaited<ReturnType<typeof sso.relyingParty.start>>;
    try {
      started = await sso.relyingParty.start();
    } catch (error) {
      logger.error({ err: error }, 'could not reach the OpenID Connect provider');
      problem(
        res,
        502,
        'Identity provider unreachable',
        'Lore could not reach your identity provider. Try again in a moment; if it keeps failing, tell an admin of this wiki.',
      );
      return;
    }
    const attemptId = sso.attempts.begin(started.checks, safeReturnTo(req.query.returnTo));
    setAttemptCookie(req, res, services.config, attemptId);
    res.setHeader('Cache-Control', 'no-store');
    res.redirect(302, started.url.href);
  });

  router.get('/auth/oidc/callback', async (req, res) => {
    const sso = services.sso;
    if (!sso) {
      problem(res, 404, 'Single sign-on is off', 'This wiki has no identity provider configured.');
      return;
    }
    const attemptId = readAttemptCookie(req);
    const attempt = attemptId ? sso.attempts.take(attemptId) : null;
    clearAttemptCookie(req, res, services.config);
    if (!attempt) {
      problem(
        res,
        400,
        'Sign-in expired',
        'This sign-in was not started in this browser, was already used or took too long. Start again from the sign-in page.',
      );
      return;
    }
    const query = new URL(req.originalUrl, 'http://lore.invalid').search;
    const providerError = typeof req.query.error === 'string' ? req.query.error : null;
    if (providerError) {
      const description =
        typeof req.query.error_description === 'string' ? req.query.error_description : '';
      problem(
        res,
        401,
        'Sign-in refused',
        `Your identity provider did not sign you in (${providerError}${description ? `: ${description.slice(0, 300)}` : ''}).`,
      );
      return;
    }
    let claims: Awaited<ReturnType<typeof sso.relyingParty.finish>>;
    try {
      claims = await sso.relyingParty.finish(query, attempt.checks);
    } catch (error) {
      logger.warn({ err: error }, 'an OpenID Connect answer failed its checks');
      problem(
        res,
        400,
        'Sign-in not verified',
        'Lore could not verify the answer of your identity provider, so it did not sign you in. Start again from the sign-in page; if it keeps failing, tell an admin of this wiki.',
      );
      return;
    }
    if (claims.email === null) {
      problem(
        res,
        403,
        'No email address',
        'Your identity provider did not share your email address with Lore (the "email" scope), so Lore cannot sign you in.',
      );
      return;
    }
    let result: ReturnType<typeof sso.signIn.signIn>;
    try {
      result = sso.signIn.signIn({
        providerId: claims.issuer,
        subject: claims.subject,
        email: claims.email,
        emailVerified: claims.emailVerified,
        displayName: claims.name,
        groups: claims.groups,
      });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      problem(res, 403, 'Cannot sign in', error.message);
      return;
    }
    // The session id rotates at sign-in: an id planted before it is worthless after it.
    const previous = readSessionCookie(req);
    if (previous) services.accounts.logout(previous);
    clearSessionCookie(req, res, services.config);
    setSessionCookie(req, res, services.config, result.sessionSecret);
    setSsoSessionCookie(req, res, services.config);
    res.setHeader('Cache-Control', 'no-store');
    res.redirect(302, attempt.returnTo);
  });

  return router;
}

function problem(res: Response, status: number, title: string, message: string): void {
  res.setHeader('Content-Security-Policy', unsubscribePagePolicy);
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cache-Control', 'no-store');
  res
    .status(status)
    .type('html')
    .send(
      unsubscribeProblemHtml(title, message).replace(
        '</main>',
        '<p><a href="/login">Back to sign-in</a></p>\n</main>',
      ),
    );
}
