// Preloaded into every server under test (with `--expose-gc`): SIGUSR2 runs a full garbage
// collection and prints the process' memory use as one marked JSON line on stderr, so memory is
// read after the same settling on every server. Nothing else in the server changes. Plain
// JavaScript, so a compiled server runs with no TypeScript loader; the marker is `memoryMarker`
// in memoryMarker.ts (the collab smoke test reads memory through it, so the two cannot drift).
const marker = '@@bench-memory ';

const collect = globalThis.gc;
if (collect) {
  process.on('SIGUSR2', () => {
    collect();
    process.stderr.write(`${marker}${JSON.stringify(process.memoryUsage())}\n`);
  });
}
