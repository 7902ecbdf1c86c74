import { Readable } from 'node:stream';
import { auditExportQuerySchema, auditPageSchema, auditQuerySchema } from '@lore/api';
import { type AuditRecord, auditCsvHeader, auditCsvLine } from '@lore/core';
import { defineRoute } from '../http/route';
import { auditFilterFromQuery } from './auditFilterFromQuery';
import { presentAuditRecord } from './presentAuditRecord';
import { errorResponse } from './schemas';

function* csvLines(records: Iterable<AuditRecord>): Generator<string> {
  yield auditCsvHeader;
  for (const record of records) yield auditCsvLine(record);
}

function* jsonLines(records: Iterable<AuditRecord>): Generator<string> {
  let first = true;
  yield '[';
  for (const record of records) {
    yield `${first ? '\n' : ',\n'}${JSON.stringify(presentAuditRecord(record))}`;
    first = false;
  }
  yield '\n]\n';
}

export const auditRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/admin/audit',
    tag: 'Administration',
    summary:
      'The audit log, newest first: who did what to what, when and from where; filtered, a page at a time (workspace admins, with an admin-scope token)',
    access: 'user',
    query: auditQuerySchema,
    responses: {
      200: { description: 'One page of records', schema: auditPageSchema },
      400: errorResponse('A filter is malformed, or the period ends before it starts'),
      403: errorResponse('Not a workspace admin (or a token without the admin scope)'),
    },
    handler: ({ actor, query, services }) => {
      const page = services.audit.query(actor, {
        ...auditFilterFromQuery(query),
        cursor: query.cursor === undefined ? null : Number(query.cursor),
        limit: query.limit,
      });
      return {
        status: 200,
        body: {
          records: page.records.map(presentAuditRecord),
          nextCursor: page.nextCursor === null ? null : String(page.nextCursor),
        },
      };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/admin/audit/export',
    tag: 'Administration',
    summary:
      'Every audit record matching the filters, newest first, streamed as CSV (a header row; cells that spreadsheets would run as formulas are defused) or a JSON array (workspace admins)',
    access: 'user',
    query: auditExportQuerySchema,
    responses: {
      200: { description: 'text/csv or application/json attachment' },
      400: errorResponse('A filter is malformed, or the period ends before it starts'),
      403: errorResponse('Not a workspace admin (or a token without the admin scope)'),
    },
    handler: ({ actor, query, res, services }) => {
      const filter = auditFilterFromQuery(query);
      const records = services.audit.records(actor, filter);
      // Taking the log away is itself worth a record.
      services.auditTrail.record({
        action: 'audit.exported',
        actorId: actor.id,
        target: null,
        details: { format: query.format },
      });
      const date = new Date().toISOString().slice(0, 10);
      res.type(query.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json');
      res.attachment(`lore-audit-${date}.${query.format}`);
      res.set('Cache-Control', 'no-store');
      const lines = query.format === 'csv' ? csvLines(records) : jsonLines(records);
      return { status: 200, stream: Readable.from(lines) };
    },
  }),
];
