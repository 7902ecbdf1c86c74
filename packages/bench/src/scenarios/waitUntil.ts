/** Polls `condition` every `intervalMs` until it holds; rejects naming `what` after `timeoutMs`. */
export function waitUntil(
  condition: () => boolean,
  what: string,
  timeoutMs: number,
  intervalMs = 5,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + timeoutMs;
    const tick = () => {
      let done = false;
      try {
        done = condition();
      } catch (error) {
        reject(error);
        return;
      }
      if (done) resolve();
      else if (Date.now() > deadline)
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`));
      else setTimeout(tick, intervalMs);
    };
    tick();
  });
}

export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));
