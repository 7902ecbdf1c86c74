import { describe, expect, it } from 'vitest';
import { loggablePath } from './requestLog';

describe('loggablePath', () => {
  const secret = `${'a'.repeat(20)}_-${'B'.repeat(21)}`;

  it('hides the secrets that paths carry: share links and unsubscribe tokens', () => {
    expect(loggablePath(`/s/${secret}`)).toBe('/s/[redacted]');
    expect(loggablePath(`/s/${secret}/p/abcdefghij`)).toBe('/s/[redacted]/p/abcdefghij');
    expect(loggablePath(`/s/${secret}/files/att1/a.png`)).toBe('/s/[redacted]/files/att1/a.png');
    expect(loggablePath('/unsubscribe/eyJhbGciOi.xyz')).toBe('/unsubscribe/[redacted]');
  });

  it('keeps paths that carry none as they are', () => {
    // A page's short address is public.
    expect(loggablePath('/s/abcdefghij')).toBe('/s/abcdefghij');
    expect(loggablePath('/s/-/shared.css')).toBe('/s/-/shared.css');
    expect(loggablePath('/api/pages/p1')).toBe('/api/pages/p1');
  });
});
