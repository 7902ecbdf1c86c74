import type { NewAuditRecord } from '@lore/core';
import { auditLogContract } from '@lore/core/testing';
import { describe, expect, it } from 'vitest';
import { createTestDatabase, postgresAvailable, reportPostgresMissing } from '../testing';
import { PostgresAuditLog } from './PostgresAuditLog';

const available = postgresAvailable();
if (!available) reportPostgresMissing('PostgresAuditLog');

function open() {
  const { db } = createTestDatabase();
  return { db, log: new PostgresAuditLog(db), close: () => db.close() };
}

auditLogContract({ describe: describe.runIf(available), it }, 'PostgreSQL', open);

const record = (fields: Partial<NewAuditRecord> = {}): NewAuditRecord => ({
  at: 1,
  action: 'user.role_changed',
  actor: { id: 'u1', name: 'Ada', email: null },
  target: null,
  spaceId: null,
  origin: { address: null, userAgent: null },
  details: {},
  eventSeq: null,
  ...fields,
});

describe.runIf(available)('PostgresAuditLog', () => {
  it('refuses to change a record once written', async () => {
    const { db, log, close } = open();
    try {
      const id = log.append(record());
      expect(() => db.run(`UPDATE audit_log SET actor_name = 'Eve' WHERE id = $1`, [id])).toThrow(
        /append-only/,
      );
      expect(log.query({ limit: 1 }).records[0]?.actor.name).toBe('Ada');
    } finally {
      await close();
    }
  });

  it('gives details back exactly as written: key order, NUL and lone surrogates', async () => {
    const { log, close } = open();
    try {
      const details = { zeta: 1, alpha: 'a\u0000b', lone: 'x\ud800y', big: 1e300, list: [3, 1] };
      log.append(record({ details }));
      const found = log.query({ limit: 1 }).records[0]?.details;
      expect(found).toEqual(details);
      expect(Object.keys(found ?? {})).toEqual(['zeta', 'alpha', 'lone', 'big', 'list']);
    } finally {
      await close();
    }
  });

  it('folds only A-Z when it looks for text, as SQLite does', async () => {
    const { log, close } = open();
    try {
      const a = log.append(record({ actor: { id: 'u1', name: 'Émile', email: null } }));
      const b = log.append(record({ actor: { id: 'u2', name: 'émile', email: null } }));
      const ids = (text: string) => log.query({ limit: 10, text }).records.map((r) => r.id);
      expect(ids('ÉMILE')).toEqual([a]);
      expect(ids('émile')).toEqual([b]);
      expect(ids('MILE')).toEqual([b, a]);
    } finally {
      await close();
    }
  });

  it('answers filtered queries from an index', async () => {
    const { db, close } = open();
    try {
      const plan = (sql: string) =>
        db.transaction(() => {
          // An empty table is cheapest to scan; ask which index the planner would take.
          db.run('SET LOCAL enable_seqscan = off');
          return db
            .query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`)
            .map((row) => row['QUERY PLAN'])
            .join('\n');
        });
      expect(plan("SELECT * FROM audit_log WHERE actor_id = 'x' ORDER BY id DESC")).toMatch(
        /audit_log_by_actor/,
      );
      expect(
        plan("SELECT * FROM audit_log WHERE starts_with(action, 'user.') ORDER BY id DESC LIMIT 5"),
      ).toMatch(/audit_log_by_action/);
      expect(
        plan(
          "SELECT * FROM audit_log WHERE target_kind = 'page' AND target_id = 'p' ORDER BY id DESC",
        ),
      ).toMatch(/audit_log_by_target/);
    } finally {
      await close();
    }
  });
});
