import { Readable } from 'node:stream';
import { type ExportResult, slugify } from '@lore/core';
import { ArchiveError, readZipArchive, writeZipArchive } from '@lore/transfer';
import type { Response } from 'express';
import { z } from 'zod';
import { contentDisposition } from '../attachments/contentDisposition';
import { readRawBody } from '../attachments/readRawBody';
import { HttpError } from '../http/HttpError';
import { defineRoute } from '../http/route';
import { errorResponse } from './schemas';

const zipTypes = ['application/zip', 'application/x-zip-compressed', 'application/octet-stream'];

const location = z.object({ file: z.string(), line: z.number().int() });
const importSummarySchema = z
  .object({
    pages: z.object({ created: z.number().int(), updated: z.number().int() }),
    links: z.object({
      resolved: z.number().int(),
      unresolved: z.array(location.extend({ href: z.string() })),
    }),
    images: z.object({
      imported: z.number().int(),
      missing: z.array(location.extend({ src: z.string() })),
    }),
  })
  .meta({ id: 'ImportSummary' });

const formatQuery = z
  .enum(['markdown', 'html'])
  .default('markdown')
  .describe('`markdown` (.md files with front matter) or `html` (standalone .html pages)');

/** Sends an export as a zip download. */
function sendZip(res: Response, result: ExportResult, format: string) {
  const zip = writeZipArchive(result.files);
  const name = `${slugify(result.name) || 'export'}-${format}.zip`;
  res.setHeader('Content-Type', 'application/zip');
  res.setHeader('Content-Length', String(zip.byteLength));
  res.setHeader('Content-Disposition', contentDisposition('attachment', name));
  return {
    status: 200,
    stream: Readable.from([Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength)]),
  };
}

const zipResponse = { description: 'A zip archive (application/zip, sent as a download)' };

export const transferRoutes = [
  defineRoute({
    method: 'post',
    path: '/api/import',
    tag: 'Import and export',
    summary:
      'Import a zip of Markdown files as a page tree (folders become parent pages, links between files become page links, images become attachments). Importing the same tree again updates its pages',
    access: 'user',
    rawBody: { description: 'The zip archive (Content-Type application/zip).' },
    query: z.object({
      space: z.string().min(1).max(100).optional().describe('space id or slug (required)'),
      parent: z
        .string()
        .min(1)
        .max(100)
        .optional()
        .describe('id of the page to import under; the space top level when absent'),
    }),
    responses: {
      200: { description: 'What the import did', schema: importSummarySchema },
      400: errorResponse(
        'Not a zip, a damaged archive, unsafe paths (`unsafe_path`), no Markdown, a file that is not UTF-8 (`invalid_request`)',
      ),
      403: errorResponse('Guests cannot import'),
      404: errorResponse('No such space or parent page'),
      413: errorResponse(
        'The body, a file or the unpacked archive is over the limits (`too_large`, `file_too_large`, `archive_too_large`, `too_many_files`)',
      ),
      415: errorResponse('The body is not sent as application/zip'),
    },
    handler: async ({ actor, query, req, services }) => {
      if (query.space === undefined) {
        throw new HttpError(
          400,
          'invalid_request',
          'Name the space to import into: ?space=<slug>.',
        );
      }
      // Refused before the body is read: importing needs the editor role in the space.
      const { space } = services.access.requireSpace(actor, query.space, 'editor');
      if (!req.is(zipTypes)) {
        req.resume();
        throw new HttpError(
          415,
          'unsupported_media_type',
          'Send the archive as the raw body with Content-Type application/zip.',
        );
      }
      const { transfer } = services;
      const body = await readRawBody(req, transfer.maxArchiveBytes);
      let files: ReturnType<typeof readZipArchive>;
      try {
        files = readZipArchive(body, transfer.archiveLimits);
      } catch (error) {
        if (error instanceof ArchiveError) {
          throw new HttpError(error.tooLarge ? 413 : 400, error.code, error.message);
        }
        throw error;
      }
      const summary = await transfer.importer.importFiles(actor, {
        space: space.id,
        parentId: query.parent ?? null,
        files,
      });
      return { status: 200, body: summary };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/pages/:id/export',
    tag: 'Import and export',
    summary:
      'Export a page, optionally with its subpages, as a zip of Markdown or HTML files with relative links and images as files',
    access: 'user',
    params: z.object({ id: z.string().min(1).max(100) }),
    query: z.object({
      format: formatQuery,
      subpages: z
        .enum(['true', 'false'])
        .default('false')
        .describe('include the pages below it, as a folder'),
    }),
    responses: {
      200: zipResponse,
      404: errorResponse('No such page, or it is in the trash (`page_not_found`)'),
    },
    handler: async ({ actor, params, query, res, services }) => {
      const result = await services.transfer.exporter.exportPages(actor, {
        format: query.format,
        pageId: params.id,
        subpages: query.subpages === 'true',
      });
      return sendZip(res, result, query.format);
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/spaces/:space/export',
    tag: 'Import and export',
    summary:
      'Export a whole space as a zip of Markdown or HTML files (folders for pages with subpages, relative links, images as files)',
    access: 'user',
    params: z.object({ space: z.string().min(1).max(100) }),
    query: z.object({ format: formatQuery }),
    responses: {
      200: zipResponse,
      404: errorResponse('No such space (`space_not_found`)'),
    },
    handler: async ({ actor, params, query, res, services }) => {
      const result = await services.transfer.exporter.exportPages(actor, {
        format: query.format,
        space: params.space,
      });
      return sendZip(res, result, query.format);
    },
  }),
];
