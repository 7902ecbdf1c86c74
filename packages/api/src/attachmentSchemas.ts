import { z } from 'zod';

/** A file attached to a page. */
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

export const attachmentBodySchema = z.object({ attachment: attachmentSchema });

export const attachmentsSchema = z.object({ attachments: z.array(attachmentSchema) });

export type Attachment = z.infer<typeof attachmentSchema>;
