import { describe, expect, it } from 'vitest';
import { findSection, replaceSection } from './replaceSection';

const doc = `# Benchmarks

Intro.

## Search

Search numbers.

## Collaboration

Old table.

### Crash soak

Old soak.

## Import

Import numbers.
`;

describe('replaceSection', () => {
  it('replaces one section with its subsections and keeps the others', () => {
    const updated = replaceSection(doc, '## Collaboration', '## Collaboration\n\nNew table.');
    expect(updated).toContain(
      '## Search\n\nSearch numbers.\n\n## Collaboration\n\nNew table.\n\n## Import',
    );
    expect(updated).not.toContain('Old');
    expect(updated.endsWith('Import numbers.\n')).toBe(true);
  });

  it('appends a missing section and finds subsections', () => {
    const updated = replaceSection(
      '# Benchmarks\n\nIntro.\n',
      '## Collaboration',
      '## Collaboration\n\nX',
    );
    expect(updated).toBe('# Benchmarks\n\nIntro.\n\n## Collaboration\n\nX\n');
    const collab = findSection(doc, '## Collaboration');
    expect(collab).toBe('## Collaboration\n\nOld table.\n\n### Crash soak\n\nOld soak.');
    expect(findSection(collab ?? '', '### Crash soak')).toBe('### Crash soak\n\nOld soak.');
  });
});
