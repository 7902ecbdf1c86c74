import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditLogContract } from '@lore/core/testing';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../openDatabase';
import { SqliteAuditLog } from './SqliteAuditLog';

function open() {
  const dir = mkdtempSync(join(tmpdir(), 'lore-audit-'));
  const db = openDatabase({ path: join(dir, 'lore.db') });
  return {
    db,
    log: new SqliteAuditLog(db),
    close: () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

auditLogContract({ describe, it }, 'SQLite', open);

describe('SqliteAuditLog', () => {
  it('refuses to change a record once written', () => {
    const { db, log, close } = open();
    try {
      const id = log.append({
        at: 1,
        action: 'user.role_changed',
        actor: { id: 'u1', name: 'Ada', email: null },
        target: null,
        spaceId: null,
        origin: { address: null, userAgent: null },
        details: {},
        eventSeq: null,
      });
      expect(() =>
        db.prepare("UPDATE audit_log SET actor_name = 'Eve' WHERE id = ?").run(id),
      ).toThrow(/append-only/);
      expect(log.query({ limit: 1 }).records[0]?.actor.name).toBe('Ada');
    } finally {
      close();
    }
  });

  it('answers filtered queries from an index', () => {
    const { db, close } = open();
    try {
      const plan = (sql: string) =>
        db
          .prepare(`EXPLAIN QUERY PLAN ${sql}`)
          .all()
          .map((row) => (row as { detail: string }).detail)
          .join('\n');
      expect(plan("SELECT * FROM audit_log WHERE actor_id = 'x' ORDER BY id DESC")).toMatch(
        /audit_log_by_actor/,
      );
      expect(
        plan(
          "SELECT * FROM audit_log WHERE action >= 'user.' AND action < 'user.z' ORDER BY id DESC",
        ),
      ).toMatch(/audit_log_by_action|PRIMARY KEY|INTEGER PRIMARY KEY/);
      expect(
        plan(
          "SELECT * FROM audit_log WHERE target_kind = 'page' AND target_id = 'p' ORDER BY id DESC",
        ),
      ).toMatch(/audit_log_by_target/);
    } finally {
      close();
    }
  });
});
