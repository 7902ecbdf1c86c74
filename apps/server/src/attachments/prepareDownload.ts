import { type Attachment, isRasterImage } from '@lore/core';
import type { Request, Response } from 'express';
import { contentDisposition } from './contentDisposition';
import { etagMatches } from './etagMatches';

/**
 * Sent with every attachment: no script, style, plugin or form may run even if a browser is
 * talked into rendering one as a document.
 */
const attachmentPolicy = "default-src 'none'; sandbox";

/**
 * Sets the headers that keep an attachment from ever acting as a page of this site (raster
 * images inline, everything else as a download, nosniff, a sandboxing policy). Returns false
 * when the client's copy is current (answer 304 without a body), true when the bytes should go.
 */
export function prepareDownload(
  req: Request,
  res: Response,
  attachment: Attachment,
  cacheControl: string,
): boolean {
  const etag = `"${attachment.sha256}"`;
  res.setHeader('ETag', etag);
  res.setHeader('Cache-Control', cacheControl);
  res.setHeader('Content-Security-Policy', attachmentPolicy);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  if (etagMatches(req.headers['if-none-match'], etag)) return false;
  res.setHeader('Content-Type', attachment.mediaType);
  res.setHeader('Content-Length', String(attachment.size));
  res.setHeader(
    'Content-Disposition',
    contentDisposition(
      isRasterImage(attachment.mediaType) ? 'inline' : 'attachment',
      attachment.filename,
    ),
  );
  return true;
}
