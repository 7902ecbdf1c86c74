import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';

/**
 * A TCP port that was free a moment ago on `host`, for a server that must come back on the same
 * address after a restart (port 0 would pick a new one each time).
 */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, host, () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
