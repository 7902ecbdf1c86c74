import type { CrashSoakOptions } from '../scenarios/crashSoak';

/** The soak: 10 typists, 50 crashes. */
export const fullSoakConfig = {
  cycles: 50,
  clients: 10,
  keystrokesPerSecond: 5,
  minRunMs: 300,
  maxRunMs: 3_000,
} satisfies Omit<CrashSoakOptions, 'onCycle'>;

export const quickSoakConfig = {
  ...fullSoakConfig,
  cycles: 5,
} satisfies Omit<CrashSoakOptions, 'onCycle'>;
