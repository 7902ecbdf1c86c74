import type { Request } from 'express';
import { HttpError } from '../http/HttpError';

/**
 * The request body as bytes, refusing with 413 `too_large` as soon as it is known to exceed
 * `maxBytes` (from Content-Length, or while reading) rather than buffering it first. What the
 * client still sends after a refusal is discarded.
 */
export function readRawBody(req: Request, maxBytes: number): Promise<Buffer> {
  const tooLarge = () =>
    new HttpError(413, 'too_large', `The file is larger than the limit of ${maxBytes} bytes.`);
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    req.resume();
    return Promise.reject(tooLarge());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let settled = false;
    const settle = (error: Error | null) => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onAborted);
      req.off('close', onClose);
      if (error) {
        req.resume();
        reject(error);
      } else resolve(Buffer.concat(chunks, total));
    };
    const onData = (chunk: Buffer) => {
      total += chunk.length;
      if (total > maxBytes) settle(tooLarge());
      else chunks.push(chunk);
    };
    const onEnd = () => settle(null);
    const onAborted = () =>
      settle(new HttpError(400, 'request_aborted', 'The upload was interrupted.'));
    const onClose = () => {
      if (!req.complete) onAborted();
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onAborted);
    req.on('close', onClose);
  });
}
