import { performance } from 'node:perf_hooks';
import { connectClient } from '../../clients/ClientSpec';
import { YWebsocketClient } from '../../clients/YWebsocketClient';
import { bodyText } from '../../document/bodyText';
import { serveWorker } from '../../process/WorkerProcess';
import { waitUntil } from '../waitUntil';
import type { OpenCommand, OpenReply } from './OpenMessages';

/**
 * The opener process (forked by `OpenerProcess`): opens a page with a fresh client on command
 * and reports how long it took. It stays up for the whole benchmark, like a browser that already
 * has the app loaded, and holds nothing but the client it is timing, so an open is not slowed by
 * the benchmark's own memory (the traces it replays, its other clients).
 */

// Every y-websocket provider adds a process 'exit' listener.
process.setMaxListeners(0);

let expected = '';

async function open(
  command: Extract<OpenCommand, { type: 'open' }>,
): Promise<Extract<OpenReply, { type: 'opened' }>> {
  const started = performance.now();
  const client = connectClient(command.spec);
  try {
    await waitUntil(
      () => {
        const text = bodyText(client.doc);
        return (
          client.synced &&
          text !== null &&
          text.length === expected.length &&
          text.toString() === expected
        );
      },
      'a fresh client to open the page',
      command.timeoutMs,
      1,
    );
    const firstMessageAt = client instanceof YWebsocketClient ? client.firstMessageAt : null;
    return {
      type: 'opened',
      ms: performance.now() - started,
      firstMessageMs: firstMessageAt === null ? Number.NaN : firstMessageAt - started,
    };
  } finally {
    client.destroy();
  }
}

serveWorker<OpenCommand, OpenReply>(
  async (command) => {
    switch (command.type) {
      case 'expect':
        expected = command.text;
        return { type: 'expecting' };
      case 'open':
        return open(command);
    }
  },
  () => {},
);
