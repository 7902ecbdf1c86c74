import type { AuditLogRecord } from '@lore/api';
import { describe, expect, it } from 'vitest';
import { describeAuditAction } from './describeAuditAction';

const record = (action: string, details: Record<string, unknown>): AuditLogRecord => ({
  id: 1,
  at: '2026-03-01T09:30:00.000Z',
  action,
  actor: { id: 'u1', name: 'Ada', email: 'ada@example.com' },
  target: null,
  spaceId: null,
  address: null,
  userAgent: null,
  details,
});

describe('describeAuditAction', () => {
  it('puts known actions in words, with the names they had then', () => {
    expect(
      describeAuditAction(record('user.role_changed', { role: 'admin', previousRole: 'member' })),
    ).toBe('Role changed: Member → Administrator');
    expect(describeAuditAction(record('user.sign_in_failed', { reason: 'wrong_password' }))).toBe(
      'Failed sign-in (wrong password)',
    );
    expect(
      describeAuditAction(
        record('space.member_set', {
          principalId: 'g1',
          kind: 'group',
          role: 'editor',
          previousRole: null,
          names: { g1: 'Finance' },
        }),
      ),
    ).toBe('Finance added as Editor');
  });

  it('still says something readable about actions it has no words for', () => {
    expect(describeAuditAction(record('share.link_used', {}))).toBe('Share link used');
  });
});
