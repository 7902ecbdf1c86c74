import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import type { BenchClient } from '../clients/BenchClient';
import { bodyText } from '../document/bodyText';
import { seedPage } from '../document/seedPage';
import type { ServerProcess } from '../process/ServerProcess';
import type { CollabTarget } from '../servers/CollabTarget';
import { seededRandom } from '../stats/seededRandom';
import { connectClients } from './connectClients';
import { stateVectorsEqual } from './stateVectorsEqual';
import { sleep, waitUntil } from './waitUntil';

/**
 * What the soak needs of a target: pages, clients, and a server to `kill -9` and start again (a
 * Lore process, or a random one of a cluster's processes).
 */
export type CrashSoakTarget = Pick<CollabTarget, 'createDocuments' | 'connect'> & {
  readonly server: Pick<ServerProcess, 'kill' | 'start'>;
};

export interface CrashSoakOptions {
  readonly cycles: number;
  readonly clients: number;
  readonly keystrokesPerSecond: number;
  /** Typing time before each `kill -9`, drawn uniformly from this range. */
  readonly minRunMs: number;
  readonly maxRunMs: number;
  readonly seed?: number;
  readonly convergeTimeoutMs?: number;
  /** Called after each cycle, e.g. to print progress. */
  readonly onCycle?: (cycle: number, ok: boolean, detail: string) => void;
}

export interface CrashSoakResult {
  readonly cycles: number;
  readonly passed: number;
  readonly failures: readonly string[];
  readonly keystrokes: number;
  readonly finalLength: number;
  readonly seconds: number;
}

/**
 * Crash soak for Lore: clients type, the server is killed with SIGKILL at a random moment and
 * started again on the same data. Before any client reconnects, a fresh client reads the store
 * back: everything any client had received from the server must be in it. Then the clients
 * reconnect and must all converge with each other and with another fresh client.
 */
export async function crashSoak(
  target: CrashSoakTarget,
  options: CrashSoakOptions,
): Promise<CrashSoakResult> {
  const random = seededRandom(options.seed ?? 7);
  const started = performance.now();
  const [docId] = await target.createDocuments(1);
  if (!docId) throw new Error('No document was created.');
  let clients: BenchClient[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const failures: string[] = [];
  let passed = 0;
  let keystrokes = 0;
  const convergeTimeoutMs = options.convergeTimeoutMs ?? 30_000;

  const stopTyping = () => {
    for (const timer of timers) clearInterval(timer);
    timers.clear();
  };
  const startTyping = () => {
    const intervalMs = 1000 / options.keystrokesPerSecond;
    for (const client of clients) {
      const text = bodyText(client.doc);
      if (!text) throw new Error('A client lost the page body.');
      const timer = setInterval(() => {
        keystrokes += 1;
        text.insert(
          Math.floor(random() * (text.length + 1)),
          String.fromCharCode(97 + (keystrokes % 26)),
        );
      }, intervalMs);
      timers.add(timer);
    }
  };
  /** A fresh client's view of the store; closed before returning. */
  const readStore = async (): Promise<{ stateVector: Map<number, number>; text: string }> => {
    const checker = target.connect(docId);
    try {
      await checker.whenSynced(convergeTimeoutMs);
      return {
        stateVector: Y.decodeStateVector(Y.encodeStateVector(checker.doc)),
        text: bodyText(checker.doc)?.toString() ?? '',
      };
    } finally {
      checker.destroy();
    }
  };

  try {
    clients = await connectClients(
      target,
      Array.from({ length: options.clients }, () => docId),
    );
    const first = clients[0];
    if (!first) throw new Error('No clients.');
    seedPage(first.doc, 'Crash soak');
    await waitUntil(
      () => clients.every((client) => bodyText(client.doc) !== null),
      'every client to receive the page body',
      convergeTimeoutMs,
    );

    /** Per client: for every writer, the end clock of what the server relayed to it. */
    const received = clients.map(() => new Map<number, number>());
    clients.forEach((client, index) => {
      const seen = received[index];
      client.doc.on(
        'update',
        (update: Uint8Array, _origin: unknown, _doc: Y.Doc, transaction: Y.Transaction) => {
          if (transaction.local || !seen) return;
          for (const [writer, end] of Y.parseUpdateMeta(update).to) {
            if (end > (seen.get(writer) ?? 0)) seen.set(writer, end);
          }
        },
      );
    });

    for (let cycle = 1; cycle <= options.cycles; cycle++) {
      let problem = '';
      startTyping();
      await sleep(options.minRunMs + random() * (options.maxRunMs - options.minRunMs));
      await target.server.kill();
      stopTyping();
      for (const client of clients) client.disconnect();
      await target.server.start();

      const stored = await readStore();
      received.forEach((seen, index) => {
        for (const [writer, end] of seen) {
          const have = stored.stateVector.get(writer) ?? 0;
          if (have < end && !problem) {
            problem = `client ${index} had received ${writer}:${end} from the server, the store ends at ${have}`;
          }
        }
      });

      for (const client of clients) client.connect();
      const docs = clients.map((client) => client.doc);
      try {
        await waitUntil(
          () => clients.every((client) => client.synced) && stateVectorsEqual(docs),
          'the clients to converge after the restart',
          convergeTimeoutMs,
          20,
        );
        // Clients push what the server lacked after their sync; give those a moment to land.
        const expected = bodyText(docs[0] as Y.Doc)?.toString() ?? '';
        await waitUntil(
          () => docs.every((doc) => bodyText(doc)?.toString() === expected),
          'the clients to show the same text',
          convergeTimeoutMs,
          20,
        );
        const fresh = await readStore();
        if (!problem && fresh.text !== expected) {
          problem = `a fresh client read ${fresh.text.length} characters, the clients have ${expected.length}`;
        }
      } catch (error) {
        problem ||= error instanceof Error ? error.message : String(error);
      }
      if (problem) failures.push(`cycle ${cycle}: ${problem}`);
      else passed += 1;
      options.onCycle?.(cycle, !problem, problem);
    }
    const finalText = bodyText(clients[0]?.doc ?? new Y.Doc())?.toString() ?? '';
    return {
      cycles: options.cycles,
      passed,
      failures,
      keystrokes,
      finalLength: finalText.length,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    stopTyping();
    for (const client of clients) client.destroy();
  }
}
