import { attachmentBodySchema, attachmentsSchema } from '@lore/api';
import { z } from 'zod';
import { prepareDownload } from '../attachments/prepareDownload';
import { presentAttachment } from '../attachments/presentAttachment';
import { readRawBody } from '../attachments/readRawBody';
import { defineRoute, type RouteContext } from '../http/route';
import { errorResponse } from './schemas';

const idField = z.string().min(1).max(100);

type DownloadContext = RouteContext<undefined, undefined, { id: string }, 'user'>;

/** Streams an attachment with headers that keep it from ever acting as a page of this site. */
function download({ actor, params, req, res, services }: DownloadContext) {
  const opened = services.attachments.open(actor, params.id);
  if (!prepareDownload(req, res, opened.attachment, 'private, max-age=31536000, immutable')) {
    return { status: 304 };
  }
  return { status: 200, stream: opened.stream() };
}

const downloadResponses = {
  200: { description: 'The bytes, with the sniffed Content-Type' },
  304: { description: 'Unchanged (If-None-Match matched the ETag)' },
  404: errorResponse('No such attachment, or its page is missing or in the trash'),
};
const downloadSummary =
  'Download an attachment. Raster images are sent inline, everything else (SVG, PDF, HTML…) as a download, always with nosniff and a sandboxing Content-Security-Policy';

export const attachmentRoutes = [
  defineRoute({
    method: 'post',
    path: '/api/pages/:id/attachments',
    tag: 'Attachments',
    summary:
      "Attach a file to a page. The body is the file's raw bytes; its type is decided from the bytes, whatever the Content-Type says",
    access: 'user',
    rawBody: { description: "The file's bytes. Any Content-Type; it is ignored." },
    params: z.object({ id: idField }),
    query: z.object({
      filename: z
        .string()
        .min(1)
        .max(1000)
        .default('file')
        .describe('the file name; folder parts and control characters are removed'),
    }),
    responses: {
      201: { description: 'The attachment', schema: attachmentBodySchema },
      400: errorResponse('Empty file'),
      403: errorResponse('Guests cannot upload'),
      404: errorResponse('No such page, or it is in the trash (`page_not_found`)'),
      413: errorResponse('Larger than LORE_ATTACHMENT_MAX_BYTES (`too_large`)'),
      415: errorResponse('A kind of file Lore refuses, such as a program (`unsupported_type`)'),
    },
    handler: async ({ actor, params, query, req, services }) => {
      const { attachments } = services;
      // Refused uploads are refused before their bytes are read.
      attachments.assertCanUpload(actor, params.id);
      const bytes = await readRawBody(req, attachments.maxBytes);
      const attachment = await attachments.upload(actor, params.id, {
        filename: query.filename,
        bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      });
      return { status: 201, body: { attachment: presentAttachment(attachment) } };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/pages/:id/attachments',
    tag: 'Attachments',
    summary: "A page's attachments, oldest first",
    access: 'user',
    params: z.object({ id: idField }),
    responses: {
      200: {
        description: 'The attachments',
        schema: attachmentsSchema,
      },
      404: errorResponse('No such page, or it is in the trash (`page_not_found`)'),
    },
    handler: ({ actor, params, services }) => ({
      status: 200,
      body: { attachments: services.attachments.list(actor, params.id).map(presentAttachment) },
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/attachments/:id',
    tag: 'Attachments',
    summary: downloadSummary,
    access: 'user',
    params: z.object({ id: idField }),
    responses: downloadResponses,
    handler: download,
  }),
  defineRoute({
    method: 'get',
    path: '/api/attachments/:id/:filename',
    tag: 'Attachments',
    summary: `${downloadSummary}. The file name in the path is ignored; it only makes the address readable`,
    access: 'user',
    params: z.object({ id: idField, filename: z.string().max(1000) }),
    responses: downloadResponses,
    handler: download,
  }),
];
