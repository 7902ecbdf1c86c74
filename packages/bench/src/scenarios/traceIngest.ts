import { performance } from 'node:perf_hooks';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import * as Y from 'yjs';
import { type SequentialTrace, traceContentAfter } from '../corpora/SequentialTrace';
import { bodyText } from '../document/bodyText';
import { seedPage } from '../document/seedPage';
import type { ServerProcess } from '../process/ServerProcess';
import { readSystemCpu } from '../process/systemCpu';
import type { CollabTarget } from '../servers/CollabTarget';
import { waitUntil } from './waitUntil';

/** What the ingest needs of a target: pages, clients and the CPU time of its server process(es). */
export type IngestTarget = Pick<CollabTarget, 'createDocuments' | 'connect'> & {
  readonly server: Pick<ServerProcess, 'cpuSeconds'>;
};

export interface IngestOptions {
  readonly trace: SequentialTrace;
  /** Replay only the first `ops` transactions (the smoke test); default: all. */
  readonly ops?: number;
  /** Transactions sent between two turns of the event loop, so sockets flush as we go. */
  readonly chunk?: number;
  readonly timeoutMs?: number;
}

export interface IngestResult {
  readonly ops: number;
  /** From the first send until a second client connected to the server had the final text. */
  readonly seconds: number;
  readonly updatesPerSecond: number;
  /** When the sender had handed its last update to the socket. */
  readonly sendSeconds: number;
  /** CPU time the server process used meanwhile (user + system). */
  readonly serverCpuSeconds: number;
  /** CPU time of this process (sender and observer) meanwhile. */
  readonly loadGeneratorCpuSeconds: number;
  /** CPU time everything else on the machine used meanwhile: noise. */
  readonly otherCpuSeconds: number;
  readonly finalLength: number;
  /** The page, still open in the server: an observer keeps it loaded until `close()`. */
  readonly docId: string;
  readonly expectedContent: string;
  close(): void;
}

/** Applies one trace transaction to a Y.Text (no astral characters in the traces: code points = UTF-16 units). */
export function applyTraceTransaction(
  text: Y.Text,
  patches: SequentialTrace['txns'][number]['patches'],
): void {
  for (const [position, deleted, inserted] of patches) {
    if (deleted > 0) text.delete(position, deleted);
    if (inserted.length > 0) text.insert(position, inserted);
  }
}

/**
 * Replays an editing trace through one client, one Yjs transaction (so one update message) per
 * trace transaction, into the body paragraph. Throughput is measured until an observer client
 * has the final text: every update went through the server (stored, where the server stores).
 */
export async function traceIngest(
  target: IngestTarget,
  options: IngestOptions,
): Promise<IngestResult> {
  const ops = Math.min(options.ops ?? options.trace.txns.length, options.trace.txns.length);
  const expectedContent = traceContentAfter(options.trace, ops);
  const [docId] = await target.createDocuments(1);
  if (!docId) throw new Error('No document was created.');
  const sender = target.connect(docId);
  const observer = target.connect(docId);
  const close = () => {
    sender.destroy();
    observer.destroy();
  };
  try {
    await Promise.all([sender.whenSynced(), observer.whenSynced()]);
    const text = seedPage(sender.doc, 'automerge-paper');
    await waitUntil(() => bodyText(observer.doc) !== null, 'the observer to see the body', 30_000);
    const observed = bodyText(observer.doc);
    if (!observed) throw new Error('The observer has no body.');

    const chunk = options.chunk ?? 500;
    const serverCpuStart = target.server.cpuSeconds();
    const ownCpuStart = process.cpuUsage();
    const systemStart = readSystemCpu();
    const started = performance.now();
    for (let index = 0; index < ops; index++) {
      const txn = options.trace.txns[index];
      if (txn) sender.doc.transact(() => applyTraceTransaction(text, txn.patches));
      if (index % chunk === chunk - 1) await yieldToLoop();
    }
    const sent = performance.now();
    await waitUntil(
      () => observed.length === expectedContent.length && observed.toString() === expectedContent,
      'the observer to receive the whole trace',
      options.timeoutMs ?? 600_000,
      10,
    );
    const finished = performance.now();
    const serverCpuSeconds = target.server.cpuSeconds() - serverCpuStart;
    const ownCpu = process.cpuUsage(ownCpuStart);
    const loadGeneratorCpuSeconds = (ownCpu.user + ownCpu.system) / 1e6;
    const systemBusy = readSystemCpu().busySeconds - systemStart.busySeconds;
    const seconds = (finished - started) / 1000;
    return {
      ops,
      seconds,
      updatesPerSecond: ops / seconds,
      sendSeconds: (sent - started) / 1000,
      serverCpuSeconds,
      loadGeneratorCpuSeconds,
      otherCpuSeconds: Math.max(0, systemBusy - serverCpuSeconds - loadGeneratorCpuSeconds),
      finalLength: observed.length,
      docId,
      expectedContent,
      close,
    };
  } catch (error) {
    close();
    throw error;
  }
}

/**
 * The same replay with no server at all (one local document encoding an update per
 * transaction, as a provider makes it do): what the load generator alone costs, in seconds.
 */
export function traceReplayFloor(trace: SequentialTrace, ops = trace.txns.length): number {
  const doc = new Y.Doc();
  const text = seedPage(doc, 'floor');
  let updates = 0;
  doc.on('update', () => {
    updates += 1;
  });
  const started = performance.now();
  for (const txn of trace.txns.slice(0, ops)) {
    doc.transact(() => applyTraceTransaction(text, txn.patches));
  }
  const seconds = (performance.now() - started) / 1000;
  doc.destroy();
  if (updates < ops) throw new Error('The replay produced fewer updates than transactions.');
  return seconds;
}
