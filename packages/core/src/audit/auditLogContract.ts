import assert from 'node:assert/strict';
import type { ContractTestApi } from '../documents/documentStoreContract';
import type { AuditLog, AuditQuery } from './AuditLog';
import type { NewAuditRecord } from './AuditRecord';

/** A fresh, empty audit log for one test, and how to release it afterwards. */
export interface AuditLogFixture {
  readonly log: AuditLog;
  close?(): void | Promise<void>;
}

const record = (overrides: Partial<NewAuditRecord> & { at: number }): NewAuditRecord => ({
  action: 'user.role_changed',
  actor: { id: 'u-admin', name: 'Ada Admin', email: 'ada@example.com' },
  target: { kind: 'user', id: 'u-grace', label: 'Grace Hopper (grace@example.com)' },
  spaceId: null,
  origin: { address: '203.0.113.7', userAgent: 'Firefox' },
  details: { role: 'admin', previousRole: 'member' },
  eventSeq: null,
  ...overrides,
});

/**
 * The behaviour every implementation of `AuditLog` must share; each implementation's test file
 * calls it once with its own factory.
 */
export function auditLogContract(
  api: ContractTestApi,
  name: string,
  open: () => AuditLogFixture | Promise<AuditLogFixture>,
): void {
  const withLog = (body: (log: AuditLog) => Promise<void> | void) => async () => {
    const fixture = await open();
    try {
      await body(fixture.log);
    } finally {
      await fixture.close?.();
    }
  };
  const ids = (log: AuditLog, query: Omit<AuditQuery, 'limit'> & { limit?: number }) =>
    log.query({ limit: 100, ...query }).records.map((found) => found.id);

  api.describe(`Audit log contract: ${name}`, () => {
    api.it(
      'reads records back as written, newest first',
      withLog((log) => {
        assert.equal(log.count(), 0);
        const written = record({
          at: 1_000,
          spaceId: 's1',
          eventSeq: 7,
          details: { nested: { list: [1, 2] }, names: { 'u-grace': 'Grace' } },
        });
        const first = log.append(written);
        const second = log.append(
          record({
            at: 2_000,
            actor: { id: null, name: null, email: null },
            target: null,
            origin: { address: null, userAgent: null },
          }),
        );
        assert.ok(second > first);
        const page = log.query({ limit: 10 });
        assert.deepEqual(
          page.records.map((found) => found.id),
          [second, first],
        );
        assert.deepEqual(page.records[1], { ...written, id: first });
        assert.equal(page.records[0]?.target, null);
        assert.equal(page.records[0]?.actor.id, null);
        assert.equal(page.nextCursor, null);
        assert.equal(log.count(), 2);
      }),
    );

    api.it(
      'pages through with a cursor, without gaps or repeats',
      withLog((log) => {
        const written: number[] = [];
        for (let i = 0; i < 25; i++) written.push(log.append(record({ at: 1_000 + i })));
        const seen: number[] = [];
        let cursor: number | null = null;
        let pages = 0;
        do {
          const page = log.query({ limit: 10, cursor });
          seen.push(...page.records.map((found) => found.id));
          cursor = page.nextCursor;
          pages += 1;
        } while (cursor !== null);
        assert.equal(pages, 3);
        assert.deepEqual(seen, [...written].reverse());
        // Exactly a page's worth left: no empty page after it.
        const exact = log.query({ limit: 5, cursor: written[5] });
        assert.equal(exact.records.length, 5);
        assert.equal(exact.nextCursor, null);
      }),
    );

    api.it(
      'filters by actor, target, time and action (exact or prefix, wildcards taken literally)',
      withLog((log) => {
        const a = log.append(record({ at: 100, action: 'user.sign_in_failed' }));
        const b = log.append(
          record({
            at: 200,
            action: 'user.signXin_failed',
            actor: { id: 'u-grace', name: 'Grace', email: 'grace@example.com' },
          }),
        );
        const c = log.append(
          record({
            at: 300,
            action: 'page.trashed',
            target: { kind: 'page', id: 'p1', label: 'Plans' },
          }),
        );
        const d = log.append(
          record({
            at: 400,
            action: 'space.member_set',
            target: { kind: 'space', id: 's1', label: 'HR' },
          }),
        );
        assert.deepEqual(ids(log, { actorId: 'u-grace' }), [b]);
        assert.deepEqual(ids(log, { actorId: 'nobody' }), []);
        assert.deepEqual(ids(log, { targetKind: 'page' }), [c]);
        assert.deepEqual(ids(log, { targetKind: 'user', targetId: 'u-grace' }), [b, a]);
        assert.deepEqual(ids(log, { targetId: 's1' }), [d]);
        assert.deepEqual(ids(log, { since: 200, until: 400 }), [c, b]);
        assert.deepEqual(ids(log, { since: 400 }), [d]);
        assert.deepEqual(ids(log, { until: 101 }), [a]);
        assert.deepEqual(ids(log, { actions: ['page.trashed'] }), [c]);
        assert.deepEqual(ids(log, { actions: ['page.'] }), []);
        assert.deepEqual(ids(log, { actionPrefixes: ['user.'] }), [b, a]);
        // `_` and `%` are not wildcards.
        assert.deepEqual(ids(log, { actionPrefixes: ['user.sign_'] }), [a]);
        assert.deepEqual(ids(log, { actionPrefixes: ['%'] }), []);
        assert.deepEqual(ids(log, { actions: ['page.trashed'], actionPrefixes: ['space.'] }), [
          d,
          c,
        ]);
        assert.deepEqual(ids(log, { actionPrefixes: ['user.'], since: 150 }), [b]);
        // Filters apply before the limit and the cursor.
        const page = log.query({ actionPrefixes: ['user.'], limit: 1 });
        assert.deepEqual(
          page.records.map((found) => found.id),
          [b],
        );
        assert.deepEqual(ids(log, { actionPrefixes: ['user.'], cursor: page.nextCursor }), [a]);
      }),
    );

    api.it(
      "finds text in the actor's name and email and the target's label, ignoring case",
      withLog((log) => {
        const a = log.append(
          record({ at: 1, target: { kind: 'page', id: 'p1', label: 'Q3 Layoffs 100%_plan' } }),
        );
        const b = log.append(
          record({
            at: 2,
            actor: { id: 'u2', name: 'Linus', email: 'linus@example.org' },
            target: null,
          }),
        );
        assert.deepEqual(ids(log, { text: 'layoffs' }), [a]);
        assert.deepEqual(ids(log, { text: 'LINUS' }), [b]);
        assert.deepEqual(ids(log, { text: 'example.org' }), [b]);
        assert.deepEqual(ids(log, { text: 'ada admin' }), [a]);
        assert.deepEqual(ids(log, { text: '100%_' }), [a]);
        assert.deepEqual(ids(log, { text: '%' }), [a]);
        assert.deepEqual(ids(log, { text: '_' }), [a]);
        assert.deepEqual(ids(log, { text: 'nothing like it' }), []);
      }),
    );

    api.it(
      'prunes records older than a date, and only those',
      withLog((log) => {
        log.append(record({ at: 100 }));
        log.append(record({ at: 199 }));
        const kept = log.append(record({ at: 200 }));
        assert.equal(log.prune(200), 2);
        assert.deepEqual(ids(log, {}), [kept]);
        assert.equal(log.prune(200), 0);
        assert.equal(log.count(), 1);
      }),
    );
  });
}
