/**
 * Milliseconds on the system's monotonic clock (CLOCK_MONOTONIC), the same clock in every process
 * on the machine, so send and receive times taken in different load-generator processes compare.
 */
export function monotonicMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
