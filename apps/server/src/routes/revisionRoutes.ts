import {
  authorshipSchema,
  createdRevisionSchema,
  namedRevisionSchema,
  pageDiffSchema,
  restoredRevisionSchema,
  revisionBodySchema,
  revisionContentSchema,
  revisionListSchema,
  revisionNotesBodySchema,
} from '@lore/api';
import { diffPageStates, renderPageState } from '@lore/page-document';
import { z } from 'zod';
import { defineRoute } from '../http/route';
import { peopleOf, presentAuthorship, presentRevision } from '../revisions/presentRevision';
import { errorResponse } from './schemas';

const id = z.string().min(1).max(100);
const pageParams = z.object({ id: id.describe('page id or short id') });
const revisionParams = z.object({ id: id.describe('page id or short id'), revisionId: id });
const revisionRef = id.describe(
  'a revision id, `current` for the page as it is now, or `latest` for its latest revision',
);
const pageNotFound = errorResponse('No such page (`page_not_found`)');
const revisionNotFound = errorResponse(
  'No such page or no such revision of it (`page_not_found`, `revision_not_found`)',
);

export const revisionRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/pages/:id/revisions',
    tag: 'Versions',
    summary:
      "A page's history, newest first, with who last edited it; page on with `before`=`nextBefore`",
    access: 'user',
    params: pageParams,
    query: z.object({
      limit: z.coerce.number().int().min(1).max(200).default(50),
      before: z.coerce.number().int().min(1).optional().describe('list revisions numbered below'),
    }),
    responses: {
      200: {
        description: 'Revisions and the people they name',
        schema: revisionListSchema,
      },
      404: pageNotFound,
    },
    handler: ({ actor, params, query, services }) => {
      const { revisions } = services;
      const listed = revisions.list(actor, params.id, {
        limit: query.limit,
        ...(query.before !== undefined ? { beforeNumber: query.before } : {}),
      });
      const nextCaptureAt = revisions.nextCaptureAt(listed.page.id);
      return {
        status: 200,
        body: {
          lastEdit: {
            by: listed.page.updatedBy || null,
            at: new Date(listed.page.updatedAt).toISOString(),
          },
          revisions: listed.revisions.map(presentRevision),
          nextBefore: listed.hasMore ? (listed.revisions.at(-1)?.number ?? null) : null,
          nextCaptureAt: nextCaptureAt === null ? null : new Date(nextCaptureAt).toISOString(),
          people: peopleOf(revisions, listed.revisions, listed.page.updatedBy),
        },
      };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/pages/:id/revisions',
    tag: 'Versions',
    summary:
      'Save a version of the current content now, optionally named; on unchanged content this names the latest revision instead (200)',
    access: 'user',
    params: pageParams,
    body: revisionNotesBodySchema,
    responses: {
      201: {
        description: 'A new revision',
        schema: createdRevisionSchema,
      },
      200: {
        description: 'Nothing changed since the latest revision, which is returned (and named)',
        schema: namedRevisionSchema,
      },
      400: errorResponse('Name or note too long (`invalid_request`)'),
      403: errorResponse('Guests cannot save versions'),
      404: pageNotFound,
    },
    handler: async ({ actor, params, body, services }) => {
      const saved = await services.revisions.save(actor, params.id, body);
      if (!saved.revision) throw new Error('A saved version must have a revision.');
      return {
        status: saved.created ? 201 : 200,
        body: { revision: presentRevision(saved.revision), created: saved.created },
      };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/pages/:id/revisions/:revisionId',
    tag: 'Versions',
    summary: 'One revision, rendered read-only as sanitized HTML and as Markdown',
    access: 'user',
    params: revisionParams,
    responses: {
      200: {
        description: 'The revision and its content',
        schema: revisionContentSchema,
      },
      404: revisionNotFound,
    },
    handler: ({ actor, params, services }) => {
      const { revision, state } = services.revisions.get(actor, params.id, params.revisionId);
      const { html, markdown } = renderPageState(state);
      return {
        status: 200,
        body: {
          revision: presentRevision(revision),
          title: state.title,
          html,
          markdown,
          people: peopleOf(services.revisions, [revision]),
        },
      };
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/api/pages/:id/revisions/:revisionId',
    tag: 'Versions',
    summary: 'Name or annotate a revision (null or blank clears a field; omitted fields stay)',
    access: 'user',
    params: revisionParams,
    body: revisionNotesBodySchema.refine(
      (body) => body.name !== undefined || body.note !== undefined,
      {
        message: 'Send a name, a note or both.',
      },
    ),
    responses: {
      200: { description: 'The revision', schema: revisionBodySchema },
      400: errorResponse('Name or note too long (`invalid_request`)'),
      403: errorResponse('Guests cannot change history'),
      404: revisionNotFound,
    },
    handler: ({ actor, params, body, services }) => ({
      status: 200,
      body: {
        revision: presentRevision(
          services.revisions.annotate(actor, params.id, params.revisionId, body),
        ),
      },
    }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/pages/:id/revisions/:revisionId/restore',
    tag: 'Versions',
    summary:
      'Restore a revision into the live page for everyone editing it; the content it replaces is kept as a revision first',
    access: 'user',
    params: revisionParams,
    responses: {
      200: {
        description:
          'The revision recording the restore, the one keeping the replaced content (null when already kept), and whether anything changed',
        schema: restoredRevisionSchema,
      },
      403: errorResponse('Guests cannot restore'),
      404: revisionNotFound,
      413: errorResponse(
        'The revision was stored past a structure limit that pages now keep (`document_too_large`)',
      ),
    },
    handler: async ({ actor, params, services }) => {
      const result = await services.revisions.restore(actor, params.id, params.revisionId);
      return {
        status: 200,
        body: {
          revision: presentRevision(result.revision),
          before: result.before ? presentRevision(result.before) : null,
          changed: result.changed,
          people: peopleOf(services.revisions, [result.revision, result.before]),
        },
      };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/pages/:id/diff',
    tag: 'Versions',
    summary:
      'Compare two revisions, or a revision and the current page (default: latest revision → now): rich-text HTML with `ins`/`del` marks, and a Markdown line diff',
    access: 'user',
    params: pageParams,
    query: z.object({ from: revisionRef.default('latest'), to: revisionRef.default('current') }),
    responses: {
      200: {
        description:
          'The comparison. In `html`, added or removed top-level blocks are wrapped in `ins.lore-diff-block` / `del.lore-diff-block`; changed text in `ins.lore-diff-ins` / `del.lore-diff-del`',
        schema: pageDiffSchema,
      },
      404: errorResponse(
        'No such page or revision, or no revision yet for `latest` (`page_not_found`, `revision_not_found`)',
      ),
    },
    handler: async ({ actor, params, query, services }) => {
      const { from, to } = await services.revisions.compare(actor, params.id, query.from, query.to);
      const diff = diffPageStates(from.state, to.state);
      return {
        status: 200,
        body: {
          from: from.revision ? presentRevision(from.revision) : null,
          to: to.revision ? presentRevision(to.revision) : null,
          title: diff.title,
          html: diff.html,
          markdown: diff.markdown,
          stats: diff.stats,
        },
      };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/pages/:id/authorship',
    tag: 'Versions',
    summary: 'Who wrote what: the live page as text runs, each with its author, for colouring',
    access: 'user',
    params: pageParams,
    responses: {
      200: { description: 'Text runs by author, block by block', schema: authorshipSchema },
      404: pageNotFound,
    },
    handler: async ({ actor, params, services }) => ({
      status: 200,
      body: presentAuthorship(
        services.revisions,
        await services.revisions.authorship(actor, params.id),
      ),
    }),
  }),
];
