import { describe, expect, it } from 'vitest';
import { MemoryAccessStore } from '../access/MemoryAccessStore';
import { AccountService } from '../accounts/AccountService';
import { MemoryAccountStore } from '../accounts/MemoryAccountStore';
import { UnauthenticatedError } from '../DomainError';
import type { DomainEventType, NewDomainEvent } from '../events/DomainEvent';
import { MemoryEventLog } from '../events/MemoryEventLog';
import { AuditedEventLog } from './AuditedEventLog';
import type { AuditOrigin } from './AuditRecord';
import { AuditTrail } from './AuditTrail';
import { auditLogContract } from './auditLogContract';
import { MemoryAuditLog } from './MemoryAuditLog';
import { StoreAuditDirectory } from './StoreAuditDirectory';

auditLogContract({ describe, it }, 'in memory', () => ({ log: new MemoryAuditLog() }));

const password = 'long password';

function setup() {
  let now = 1_000_000;
  const clock = { now: () => now };
  const people = new MemoryAccountStore();
  const groups = new MemoryAccessStore();
  const pageTitles = new Map<string, string>();
  const audit = new MemoryAuditLog();
  let origin: AuditOrigin | null = null;
  const transaction = <T>(work: () => T): T => work();
  const trail = new AuditTrail({
    log: audit,
    directory: new StoreAuditDirectory({
      people,
      groups,
      pages: {
        findPageById: (id) => {
          const title = pageTitles.get(id);
          return title === undefined ? null : ({ id, title, spaceId: 's1' } as never);
        },
      },
      spaces: { findSpaceById: (id) => (id === 's1' ? ({ id, name: 'Handbook' } as never) : null) },
    }),
    origin: { current: () => origin },
    transaction,
    clock,
  });
  const inner = new MemoryEventLog();
  const events = new AuditedEventLog(inner, trail, transaction);
  const accounts = new AccountService({
    store: people,
    clock,
    events,
    audit: trail,
    sessionTtlMs: 3_600_000,
    scrypt: { N: 2 ** 10, r: 8, p: 1 },
  });
  const records = () => audit.query({ limit: 100 }).records;
  return {
    accounts,
    events,
    inner,
    audit,
    trail,
    pageTitles,
    records,
    setOrigin: (value: AuditOrigin | null) => (origin = value),
    advance: (ms: number) => (now += ms),
  };
}

describe('AuditTrail', () => {
  it('records account changes with the actor and target as they were, and the request origin', async () => {
    const { accounts, records, setOrigin } = setup();
    const admin = await accounts.setupFirstAdminFromConfig({
      email: 'ada@example.com',
      displayName: 'Ada',
      password,
    });
    const grace = await accounts.createUser(admin, {
      email: 'grace@example.com',
      displayName: 'Grace',
      password,
    });
    setOrigin({ address: '198.51.100.4', userAgent: 'Firefox/140' });
    accounts.updateAccount(admin, grace.id, { role: 'admin' });
    setOrigin(null);
    accounts.updateProfile(grace, { displayName: 'Grace Hopper' });
    accounts.deleteAccount(admin, grace.id);

    const [deleted, roleChanged] = records();
    expect(roleChanged).toMatchObject({
      action: 'user.role_changed',
      actor: { id: admin.id, name: 'Ada', email: 'ada@example.com' },
      target: { kind: 'user', id: grace.id, label: 'Grace (grace@example.com)' },
      origin: { address: '198.51.100.4', userAgent: 'Firefox/140' },
      details: {
        role: 'admin',
        previousRole: 'member',
        names: { [grace.id]: 'Grace (grace@example.com)' },
      },
    });
    expect(roleChanged?.eventSeq).toBeGreaterThan(0);
    // Named as they were when deleted, not as the tombstone; no request, no origin.
    expect(deleted).toMatchObject({
      action: 'user.deleted',
      target: { kind: 'user', id: grace.id, label: 'Grace Hopper (grace@example.com)' },
      origin: { address: null, userAgent: null },
    });
  });

  it('records sign-ins, and failed ones (which change nothing) with the email tried', async () => {
    const { accounts, records, setOrigin, inner } = setup();
    await accounts.setupFirstAdminFromConfig({
      email: 'ada@example.com',
      displayName: 'Ada',
      password,
    });
    setOrigin({ address: '203.0.113.9', userAgent: 'curl/8' });
    await accounts.login('ada@example.com', password);
    await expect(accounts.login('ADA@example.com', 'wrong password')).rejects.toThrow(
      UnauthenticatedError,
    );
    await expect(accounts.login('nobody@example.com', password)).rejects.toThrow(
      UnauthenticatedError,
    );
    const [unknown, wrong, signedIn] = records();
    expect(signedIn).toMatchObject({ action: 'user.signed_in', details: { via: 'password' } });
    expect(wrong).toMatchObject({
      action: 'user.sign_in_failed',
      actor: { id: null },
      target: { kind: 'user', label: 'ada@example.com' },
      origin: { address: '203.0.113.9', userAgent: 'curl/8' },
      details: { reason: 'wrong_password' },
      eventSeq: null,
    });
    expect(wrong?.target?.id).toBe(signedIn?.actor.id);
    expect(unknown).toMatchObject({
      target: { kind: 'user', id: null, label: 'nobody@example.com' },
      details: { reason: 'unknown_account' },
    });
    // Failures are not domain events.
    expect(inner.readAfter(0, 100).map((event) => event.type)).not.toContain('user.sign_in_failed');
  });

  it('audits every event type except the content churn, including types it has never heard of', () => {
    const { events, records, pageTitles } = setup();
    pageTitles.set('p1', 'Salaries 2026');
    const event = (type: string, data: object): NewDomainEvent =>
      ({
        type: type as DomainEventType,
        pageId: 'p1',
        spaceId: 's1',
        actorId: null,
        at: 5,
        data,
      }) as NewDomainEvent;
    events.append(event('page.content_changed', { firstChangeAt: 1, lastChangeAt: 2 }));
    events.append(event('page.tags_changed', { tags: ['x'] }));
    events.append(event('share.created', { shareId: 'sh1', expiresAt: null }));
    const [share] = records();
    expect(records()).toHaveLength(1);
    expect(share).toMatchObject({
      action: 'share.created',
      target: { kind: 'page', id: 'p1', label: 'Salaries 2026' },
      spaceId: 's1',
      details: { shareId: 'sh1', names: { s1: 'Handbook' } },
    });
    // The record keeps the title it was written with.
    pageTitles.set('p1', 'Renamed');
    expect(records()[0]?.target?.label).toBe('Salaries 2026');
  });

  it('cuts long lists short and says how long they were', () => {
    const { events, records } = setup();
    const pageIds = Array.from({ length: 500 }, (_, i) => `p${i}`);
    events.append({
      type: 'import.finished',
      pageId: null,
      spaceId: 's1',
      actorId: null,
      at: 1,
      data: { pagesCreated: 500, pagesUpdated: 0, pageIds },
    });
    const [imported] = records();
    expect(imported?.target).toEqual({ kind: 'space', id: 's1', label: 'Handbook' });
    expect(imported?.details.pageIds).toHaveLength(20);
    expect(imported?.details.pageIdsTotal).toBe(500);
  });

  it('writes nothing when the change fails: the record is part of its transaction', async () => {
    const { accounts, records, audit } = setup();
    const admin = await accounts.setupFirstAdminFromConfig({
      email: 'a@example.com',
      displayName: 'A',
      password,
    });
    const before = audit.count();
    // The last admin cannot be demoted: the change throws before anything is written.
    expect(() => accounts.updateAccount(admin, admin.id, { role: 'member' })).toThrow();
    expect(audit.count()).toBe(before);
    expect(records().map((found) => found.action)).not.toContain('user.role_changed');
  });
});
