import { describe, expect, it } from 'vitest';
import { auditApiParams, readAuditFilters } from './auditFilters';

describe('audit filters', () => {
  it('reads the address, dropping what is malformed', () => {
    const filters = readAuditFilters(
      new URLSearchParams('kind=nope&from=yesterday&to=2026-03-02&q=plans'),
    );
    expect(filters).toEqual({ person: '', kind: '', from: '', to: '2026-03-02', q: 'plans' });
  });

  it('asks the API for whole local days and the actions of a kind', () => {
    const params = auditApiParams({
      person: 'u1',
      kind: 'tokens',
      from: '2026-03-01',
      to: '2026-03-01',
      q: ' x ',
    });
    expect(params.get('actor')).toBe('u1');
    expect(params.get('action')).toBe('token.*');
    expect(params.get('q')).toBe('x');
    const since = Date.parse(params.get('since') ?? '');
    const until = Date.parse(params.get('until') ?? '');
    expect(new Date(since).getHours()).toBe(0);
    expect(new Date(since).getDate()).toBe(1);
    expect(until - since).toBeGreaterThanOrEqual(23 * 3_600_000);
    expect(until - since).toBeLessThanOrEqual(25 * 3_600_000);
  });
});
