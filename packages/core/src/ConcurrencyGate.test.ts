import { describe, expect, it } from 'vitest';
import { ConcurrencyGate } from './ConcurrencyGate';
import { ServiceBusyError } from './DomainError';

describe('ConcurrencyGate', () => {
  it('runs at most `concurrency` at once, queues up to `maxQueue`, refuses the rest', async () => {
    const gate = new ConcurrencyGate({ concurrency: 2, maxQueue: 1 });
    let running = 0;
    let peak = 0;
    const releases: (() => void)[] = [];
    const work = () =>
      gate.run(async () => {
        running += 1;
        peak = Math.max(peak, running);
        await new Promise<void>((resolve) => releases.push(resolve));
        running -= 1;
        return 'done';
      });
    const accepted = [work(), work(), work()];
    await expect(work()).rejects.toBeInstanceOf(ServiceBusyError);
    expect(gate.load).toEqual({ running: 2, waiting: 1 });
    while (releases.length > 0 || gate.load.running > 0) {
      releases.shift()?.();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    expect(await Promise.all(accepted)).toEqual(['done', 'done', 'done']);
    expect(peak).toBe(2);
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
  });

  it('frees its slot when the work fails', async () => {
    const gate = new ConcurrencyGate({ concurrency: 1, maxQueue: 0 });
    await expect(gate.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await gate.run(async () => 1)).toBe(1);
  });
});
