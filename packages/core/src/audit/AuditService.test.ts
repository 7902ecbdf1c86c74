import { describe, expect, it } from 'vitest';
import type { User } from '../accounts/User';
import { PermissionDeniedError, ValidationError } from '../DomainError';
import { ManualClock } from '../revisions/ManualClock';
import { AuditService } from './AuditService';
import { MemoryAuditLog } from './MemoryAuditLog';

const day = 86_400_000;
const person = (role: User['role']): User => ({
  id: `u-${role}`,
  email: `${role}@example.com`,
  displayName: role,
  color: '#000000',
  role,
  createdAt: 0,
});

function setup(retentionDays: number) {
  const clock = new ManualClock(Date.UTC(2026, 0, 1));
  const log = new MemoryAuditLog();
  const write = (at: number, action = 'user.role_changed') =>
    log.append({
      at,
      action,
      actor: { id: 'u-admin', name: 'Ada', email: null },
      target: null,
      spaceId: null,
      origin: { address: null, userAgent: null },
      details: {},
      eventSeq: null,
    });
  return { clock, log, write, service: new AuditService({ log, clock, retentionDays }) };
}

describe('AuditService', () => {
  it('shows the log to workspace admins and the operator only', () => {
    const { service, write, clock } = setup(365);
    write(clock.now());
    expect(service.query(person('admin'), { limit: 10 }).records).toHaveLength(1);
    expect(service.query(null, { limit: 10 }).records).toHaveLength(1);
    expect(() => service.query(person('member'), { limit: 10 })).toThrow(PermissionDeniedError);
    expect(() => service.query(person('guest'), { limit: 10 })).toThrow(PermissionDeniedError);
    expect(() => [...service.records(person('member'), {})]).toThrow(PermissionDeniedError);
  });

  it('refuses filters that make no sense', () => {
    const { service } = setup(365);
    const admin = person('admin');
    expect(() => service.query(admin, { limit: 0 })).toThrow(ValidationError);
    expect(() => service.query(admin, { limit: 501 })).toThrow(ValidationError);
    expect(() => service.query(admin, { limit: 5, since: 10, until: 10 })).toThrow(ValidationError);
    expect(() => service.query(admin, { limit: 5, since: Number.NaN })).toThrow(ValidationError);
    expect(() => service.query(admin, { limit: 5, text: 'x'.repeat(201) })).toThrow(
      ValidationError,
    );
  });

  it('exports every matching record across pages, newest first', () => {
    const { service, write } = setup(365);
    for (let i = 0; i < 1_203; i++) write(1_000 + i, i % 2 ? 'user.signed_in' : 'page.trashed');
    const all = [...service.records(person('admin'), { actionPrefixes: ['page.'] })];
    expect(all).toHaveLength(602);
    expect(all[0]?.at).toBe(1_000 + 1_202);
    expect(new Set(all.map((record) => record.id)).size).toBe(602);
  });

  it('prunes what is past the retention, and nothing when kept forever', () => {
    const { service, write, clock, log } = setup(30);
    write(clock.now() - 31 * day);
    write(clock.now() - 30 * day - 1);
    write(clock.now() - 29 * day);
    expect(service.prune()).toBe(2);
    expect(log.count()).toBe(1);

    const forever = setup(0);
    forever.write(0);
    expect(forever.service.prune()).toBe(0);
    expect(forever.log.count()).toBe(1);
  });
});
