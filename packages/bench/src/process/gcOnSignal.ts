/**
 * Preloaded into every server under test (with `--expose-gc`): SIGUSR2 runs a full garbage
 * collection and prints the process' memory use as one marked JSON line on stderr, so memory is
 * read after the same settling on every server. Nothing else in the server changes.
 */
export const memoryMarker = '@@bench-memory ';

const collect = (globalThis as { gc?: () => void }).gc;
if (collect) {
  process.on('SIGUSR2', () => {
    collect();
    process.stderr.write(`${memoryMarker}${JSON.stringify(process.memoryUsage())}\n`);
  });
}
