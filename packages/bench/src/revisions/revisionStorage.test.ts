import { editingTracesDir } from '@lore/collab/testing';
import { describe, expect, it } from 'vitest';
import { measureRevisionStorage } from './measureRevisionStorage';

if (!editingTracesDir()) {
  console.warn(
    'SKIPPED: the revision storage measurement did not run: no editing-traces folder under ' +
      `${process.env.LORE_CORPORA ?? '../shared/corpora'} (set LORE_CORPORA).`,
  );
}

// The full trace takes about two minutes (see docs/benchmarks.md for the command and figures);
// its first quarter shows the same behaviour in CI time.
describe.skipIf(!editingTracesDir())('page history storage on a real editing trace', () => {
  it('grows with the amount of change, not with page size times revisions', {
    timeout: 240_000,
  }, async () => {
    const m = await measureRevisionStorage({ operations: 65_000 });
    if (!m) throw new Error('the corpus disappeared');
    expect(m.endContentMatches).toBe(true);
    expect(m.revisions).toBeGreaterThan(60);
    // Whole deflated copies would cost several times more, and the gap widens as the page grows.
    expect(m.storedBytes * 5).toBeLessThan(m.wholeCopiesBytes);
    expect(m.milestones).toHaveLength(4);
    const [, second, , fourth] = m.milestones;
    expect(fourth?.storedBytes).toBe(m.storedBytes);
    const wholeGrowth = (fourth?.wholeCopiesBytes ?? 0) - (second?.wholeCopiesBytes ?? 0);
    const storedGrowth = (fourth?.storedBytes ?? 0) - (second?.storedBytes ?? 0);
    expect(storedGrowth * 5).toBeLessThan(wholeGrowth);
    // A typical revision costs its change, not its page.
    expect(m.perRevision.median).toBeLessThan(1024);
    expect(m.perRevision.median * 10).toBeLessThan(m.finalWholeBytes);
    expect(m.slowestReadMs).toBeLessThan(1_000);
  });
});
