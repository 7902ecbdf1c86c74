import { describe, expect, it } from 'vitest';
import { internalPath } from './internalPath';

const origin = 'https://wiki.example.com';

describe('internalPath', () => {
  it('keeps page links, with their anchor', () => {
    expect(internalPath('/s/k3x9p2m4qa#setup', origin)).toBe('/s/k3x9p2m4qa#setup');
    expect(internalPath('/eng/launch-plan-k3x9p2m4qa', origin)).toBe('/eng/launch-plan-k3x9p2m4qa');
    expect(internalPath(`${origin}/s/k3x9p2m4qa`, origin)).toBe('/s/k3x9p2m4qa');
  });

  it('leaves other sites, protocol-relative links, mail and the API alone', () => {
    expect(internalPath('https://example.org/s/abc', origin)).toBeNull();
    expect(internalPath('//example.org/x', origin)).toBeNull();
    expect(internalPath('mailto:a@example.com', origin)).toBeNull();
    expect(internalPath('/api/attachments/1/a.pdf', origin)).toBeNull();
    expect(internalPath(null, origin)).toBeNull();
  });
});
