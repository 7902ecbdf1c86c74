import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The handbook corpus is split over two test files; run them on both cores.
    maxWorkers: 2,
    // The files share no state but import the same heavy modules (Tiptap, markdown-it, happy-dom);
    // loading them once per worker saves a third of the run.
    isolate: false,
    // Parsing Markdown allocates a lot of short-lived objects: a larger young generation spends
    // less time collecting them.
    execArgv: ['--max-semi-space-size=32'],
    // First use of the HTML parser is slow on a busy machine.
    testTimeout: 30_000,
    globalSetup: ['./src/test/corpusReportSetup.ts'],
  },
});
