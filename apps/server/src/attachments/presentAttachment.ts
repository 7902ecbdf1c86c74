import { type Attachment, isImageMediaType } from '@lore/core';
import { z } from 'zod';

export const attachmentSchema = z
  .object({
    id: z.string(),
    pageId: z.string(),
    filename: z.string().describe('the sanitised name'),
    mediaType: z.string().describe('decided from the bytes, not from what the uploader said'),
    size: z.number().int().describe('bytes'),
    sha256: z.string().describe('hex digest of the bytes; also the ETag'),
    url: z.string().describe('/api/attachments/<id>/<filename>, usable as an image src'),
    isImage: z.boolean().describe('true when the editor shows it as an image (raster or SVG)'),
  })
  .meta({ id: 'Attachment' });

/** The address an attachment is downloaded from; the name part is cosmetic. */
export const attachmentUrl = (attachment: Attachment): string =>
  `/api/attachments/${encodeURIComponent(attachment.id)}/${encodeURIComponent(attachment.filename)}`;

export function presentAttachment(attachment: Attachment): z.infer<typeof attachmentSchema> {
  return {
    id: attachment.id,
    pageId: attachment.pageId,
    filename: attachment.filename,
    mediaType: attachment.mediaType,
    size: attachment.size,
    sha256: attachment.sha256,
    url: attachmentUrl(attachment),
    isImage: isImageMediaType(attachment.mediaType),
  };
}
