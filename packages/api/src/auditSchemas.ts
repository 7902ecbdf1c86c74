import { z } from 'zod';

const time = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()])
  .describe('an ISO 8601 date (2026-03-01, midnight UTC) or date and time (2026-03-01T09:30:00Z)');

/** The filters the audit log and its export share, as query parameters. */
export const auditFilterFields = {
  actor: z.string().min(1).max(100).optional().describe("only what this person did (a user's id)"),
  action: z
    .string()
    .min(1)
    .max(2000)
    .regex(
      /^[a-z0-9_.]+\*?(,[a-z0-9_.]+\*?)*$/,
      'a comma-separated list of actions such as user.role_changed, or prefixes ending in * such as user.*',
    )
    .optional()
    .describe(
      'actions, comma-separated; one ending in * is a prefix (user.* is every account action)',
    ),
  targetKind: z
    .string()
    .min(1)
    .max(40)
    .regex(/^[a-z_]+$/, 'a kind such as page, space, user, group or token')
    .optional()
    .describe('what it was done to: page, space, user, group, token, invite…'),
  targetId: z.string().min(1).max(100).optional().describe("the target's id"),
  since: time.optional().describe('from this time on (inclusive)'),
  until: time.optional().describe('before this time (exclusive)'),
  q: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe("text in the actor's name or email or the target's label, ignoring case"),
};

export const auditQuerySchema = z.strictObject({
  ...auditFilterFields,
  cursor: z
    .string()
    .regex(/^[1-9]\d{0,15}$/, 'the nextCursor of the previous page')
    .optional()
    .describe('where the previous page ended (its nextCursor)'),
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('records per page'),
});

export const auditExportQuerySchema = z.strictObject({
  ...auditFilterFields,
  format: z.enum(['csv', 'json']).default('csv'),
});

export const auditRecordSchema = z
  .object({
    id: z.number().int(),
    at: z.string().describe('when it happened (ISO 8601, UTC)'),
    action: z
      .string()
      .describe(
        'a domain event type (user.role_changed, page.trashed…) or user.sign_in_failed, page.exported, space.exported',
      ),
    actor: z
      .object({
        id: z.string().nullable(),
        name: z.string().nullable(),
        email: z.string().nullable(),
      })
      .describe(
        'who did it, named as they were then; id null for the system, the operator or an unknown person',
      ),
    target: z
      .object({ kind: z.string(), id: z.string().nullable(), label: z.string().nullable() })
      .nullable()
      .describe('what it was done to, labelled as it was then'),
    spaceId: z.string().nullable(),
    address: z
      .string()
      .nullable()
      .describe(
        'the client address (behind trusted proxies: the one they reported); null outside a request',
      ),
    userAgent: z.string().nullable(),
    details: z
      .record(z.string(), z.unknown())
      .describe("the change's data; `names` maps the ids it mentions to names as they were"),
  })
  .meta({ id: 'AuditRecord' });

export const auditPageSchema = z.object({
  records: z.array(auditRecordSchema).describe('newest first'),
  nextCursor: z.string().nullable().describe('pass as cursor for older records; null at the end'),
});

export type AuditLogRecord = z.infer<typeof auditRecordSchema>;
export type AuditLogPage = z.infer<typeof auditPageSchema>;
export type AuditLogQuery = z.input<typeof auditQuerySchema>;
