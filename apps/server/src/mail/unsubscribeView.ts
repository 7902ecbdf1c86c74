import type { UnsubscribeClaim, UnsubscribeVerdict } from '@lore/core';
import express, { type Request, type Response, type Router } from 'express';
import { readRawBody } from '../attachments/readRawBody';
import { HttpError } from '../http/HttpError';
import type { MailServices } from './MailServices';
import { isOneClickBody } from './oneClickBody';
import {
  unsubscribeConfirmHtml,
  unsubscribedHtml,
  unsubscribedText,
  unsubscribePagePolicy,
  unsubscribeProblemHtml,
} from './unsubscribeHtml';

/** A one-click body is a few dozen bytes. */
const maxBodyBytes = 4096;

const problems: Record<Exclude<UnsubscribeVerdict, { valid: true }>['reason'], string> = {
  malformed:
    'This unsubscribe link is not valid. Change which emails you get in your notification settings in Lore.',
  forged:
    'This unsubscribe link is not valid. Change which emails you get in your notification settings in Lore.',
  expired:
    'This unsubscribe link has expired. Change which emails you get in your notification settings in Lore.',
};

/**
 * The unsubscribe links of Lore's emails, outside `/api` and without sign-in: the signed token
 * in the path is the authority (it names the person and the scope), so there is no session
 * and no CSRF token to check.
 *
 * - `GET /unsubscribe/<token>`: a page with a button; it changes nothing, because mail
 *   scanners and link previews open links;
 * - `POST /unsubscribe/<token>` with `List-Unsubscribe=One-Click`: unsubscribes (RFC 8058, what
 *   mail clients send, and what the button sends), answering 200.
 *
 * A token that is not ours, was altered or has expired answers 400 (an HTML page for GET,
 * `{error}` for POST) and changes nothing.
 */
export function unsubscribeView(mail: MailServices): Router {
  const router = express.Router();

  router.get('/unsubscribe/:token', (req, res) => {
    setPageHeaders(res);
    const verdict = mail.unsubscribeTokens.verify(String(req.params.token));
    if (!verdict.valid) {
      res
        .status(400)
        .type('html')
        .send(unsubscribeProblemHtml('Link not valid', problems[verdict.reason]));
      return;
    }
    res
      .status(200)
      .type('html')
      .send(unsubscribeConfirmHtml(String(req.params.token), verdict.scope));
  });

  router.post('/unsubscribe/:token', async (req, res) => {
    const claim = claimOf(mail, req);
    const body = await readRawBody(req, maxBodyBytes);
    if (!isOneClickBody(req.headers['content-type'], body)) {
      throw new HttpError(400, 'invalid_request', 'The body must be List-Unsubscribe=One-Click.');
    }
    mail.unsubscribeTarget.unsubscribe(claim.userId, claim.scope);
    setPageHeaders(res);
    // A browser (the confirmation page's button) gets a page; a mail client, a line of text.
    if (req.accepts(['text/plain', 'text/html']) === 'text/html') {
      res.status(200).type('html').send(unsubscribedHtml(claim.scope));
    } else {
      res.status(200).type('text/plain').send(unsubscribedText(claim.scope));
    }
  });

  return router;
}

function claimOf(mail: MailServices, req: Request): UnsubscribeClaim {
  const verdict = mail.unsubscribeTokens.verify(String(req.params.token));
  if (!verdict.valid) {
    req.resume();
    throw new HttpError(
      400,
      verdict.reason === 'expired' ? 'unsubscribe_link_expired' : 'invalid_unsubscribe_link',
      problems[verdict.reason],
    );
  }
  return verdict;
}

/**
 * The pages' strict policy; no referrer (the address holds the token), nothing cached, not
 * indexed.
 */
function setPageHeaders(res: Response): void {
  res.setHeader('Content-Security-Policy', unsubscribePagePolicy);
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cache-Control', 'private, no-store');
  res.setHeader('X-Robots-Tag', 'noindex, nofollow');
}
