import type { Revision } from '@lore/api';
import { describe, expect, it } from 'vitest';
import { describeRevision, revisionTitle } from './describeRevision';

const revision = (overrides: Partial<Revision>): Revision => ({
  id: 'r-5',
  number: 5,
  kind: 'auto',
  name: null,
  note: null,
  title: 'Runbook',
  createdAt: '2026-03-01T10:00:00.000Z',
  createdBy: null,
  contributors: [],
  restoredFrom: null,
  ...overrides,
});

describe('describeRevision', () => {
  const numbers = new Map([['r-2', 2]]);
  const numberOf = (id: string) => numbers.get(id);

  it('says why each kind of revision was taken', () => {
    expect(describeRevision(revision({ kind: 'auto' }), numberOf)).toBe('Saved automatically');
    expect(describeRevision(revision({ kind: 'manual' }), numberOf)).toBe('Saved by hand');
    expect(describeRevision(revision({ kind: 'before-restore' }), numberOf)).toBe(
      'Before a restore',
    );
    expect(describeRevision(revision({ kind: 'before-import' }), numberOf)).toBe(
      'Before an import',
    );
  });

  it('names the version a restore brought back, when it is known', () => {
    expect(describeRevision(revision({ kind: 'restore', restoredFrom: 'r-2' }), numberOf)).toBe(
      'Restored from version 2',
    );
    expect(describeRevision(revision({ kind: 'restore', restoredFrom: 'r-x' }), numberOf)).toBe(
      'Restored from an earlier version',
    );
  });

  it('titles a revision by its name when it has one', () => {
    expect(revisionTitle(revision({}))).toBe('Version 5');
    expect(revisionTitle(revision({ name: 'Approved' }))).toBe('Version 5: Approved');
  });
});
