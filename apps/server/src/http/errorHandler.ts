import {
  AttachmentTooLargeError,
  ConflictError,
  DomainError,
  InvalidAnchorError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitedError,
  ServiceBusyError,
  StoreUnavailableError,
  UnauthenticatedError,
  UnsupportedAttachmentTypeError,
  ValidationError,
} from '@lore/core';
import { DocumentLimitError, InvalidDocumentError } from '@lore/schema';
import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';
import { ZodError } from 'zod';
import { HttpError } from './HttpError';

interface Mapped {
  status: number;
  code: string;
  message: string;
  headers?: Readonly<Record<string, string>>;
}

/** Body-parser's error types, from express.json(). */
const parserErrors: Record<string, Mapped> = {
  'entity.parse.failed': {
    status: 400,
    code: 'invalid_json',
    message: 'The body is not valid JSON.',
  },
  'entity.too.large': { status: 413, code: 'payload_too_large', message: 'The body is too large.' },
  'encoding.unsupported': {
    status: 415,
    code: 'unsupported_encoding',
    message: 'The content encoding is not supported.',
  },
  'charset.unsupported': {
    status: 415,
    code: 'unsupported_charset',
    message: 'Send JSON as UTF-8.',
  },
  'request.aborted': { status: 400, code: 'request_aborted', message: 'The request was aborted.' },
  'request.size.invalid': {
    status: 400,
    code: 'invalid_request',
    message: 'The body length does not match Content-Length.',
  },
};

function describeZod(error: ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'The request is not valid.';
  const where = issue.path.length > 0 ? issue.path.join('.') : 'body';
  if (issue.code === 'unrecognized_keys') return `Unknown field(s): ${issue.keys.join(', ')}.`;
  return `${where}: ${issue.message}`;
}

/** Maps a thrown error to a status code, a stable error code and a message safe to show. */
export function mapError(error: unknown): Mapped | null {
  if (error instanceof HttpError) {
    return {
      status: error.status,
      code: error.code,
      message: error.message,
      headers: error.headers,
    };
  }
  if (error instanceof ZodError) {
    return { status: 400, code: 'invalid_request', message: describeZod(error) };
  }
  // Content past the page model's structure limits (the message names the limit).
  if (error instanceof DocumentLimitError) {
    return {
      status: 413,
      code: 'document_too_large',
      message: `The content is past a page limit: ${error.message}.`,
    };
  }
  if (error instanceof InvalidDocumentError) {
    return { status: 422, code: 'invalid_document', message: error.message };
  }
  // A comment anchor that the page's current document cannot place.
  if (error instanceof InvalidAnchorError) {
    return { status: 422, code: error.code, message: error.message };
  }
  if (error instanceof DomainError) {
    const status =
      error instanceof ValidationError
        ? 400
        : error instanceof UnauthenticatedError
          ? 401
          : error instanceof PermissionDeniedError
            ? 403
            : error instanceof NotFoundError
              ? 404
              : error instanceof ConflictError
                ? 409
                : error instanceof RateLimitedError
                  ? 429
                  : error instanceof ServiceBusyError || error instanceof StoreUnavailableError
                    ? 503
                    : error instanceof AttachmentTooLargeError
                      ? 413
                      : error instanceof UnsupportedAttachmentTypeError
                        ? 415
                        : 400;
    const headers =
      error instanceof RateLimitedError ||
      error instanceof ServiceBusyError ||
      error instanceof StoreUnavailableError
        ? { 'Retry-After': String(error.retryAfterSeconds) }
        : undefined;
    return { status, code: error.code, message: error.message, ...(headers ? { headers } : {}) };
  }
  if (typeof error === 'object' && error !== null && 'type' in error) {
    const mapped = parserErrors[String(error.type)];
    if (mapped) return mapped;
  }
  if (error instanceof URIError) {
    return { status: 400, code: 'bad_request', message: 'The URL is not correctly encoded.' };
  }
  // Express and its parsers raise http-errors with a 4xx status for malformed requests.
  const status =
    typeof error === 'object' && error !== null && 'status' in error ? Number(error.status) : 0;
  if (status >= 400 && status < 500) {
    return { status, code: 'bad_request', message: 'The request is malformed.' };
  }
  return null;
}

/** The last middleware: every error becomes `{error:{code,message}}`; unknown ones are logged. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const mapped = mapError(error);
    if (!mapped) {
      logger.error({ err: error, method: req.method, path: req.path }, 'request failed');
    }
    const reply = mapped ?? {
      status: 500,
      code: 'internal',
      message: 'Something went wrong on the server. It has been logged.',
    };
    if (res.headersSent) {
      res.destroy();
      return;
    }
    for (const [name, value] of Object.entries(reply.headers ?? {})) res.setHeader(name, value);
    res.status(reply.status).json({ error: { code: reply.code, message: reply.message } });
  };
}
