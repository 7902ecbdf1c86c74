import { createHash } from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as Y from 'yjs';
import { connectClient } from '../../clients/ClientSpec';
import { ProtocolTypist } from '../../clients/ProtocolTypist';
import { ProviderTypist } from '../../clients/ProviderTypist';
import { readUpdateMeta } from '../../clients/readUpdateMeta';
import type { Typist } from '../../clients/Typist';
import { bodyText } from '../../document/bodyText';
import { serveWorker } from '../../process/WorkerProcess';
import { monotonicMs } from '../../stats/monotonicMs';
import { seededRandom } from '../../stats/seededRandom';
import { waitUntil } from '../waitUntil';
import type { FanoutCommand, FanoutReply } from './FanoutMessages';

/**
 * One load-generator process of the fan-out scenario (forked by `fanoutLatency`): opens its share
 * of the clients, types on command, and records when each of its clients' keystrokes was sent and
 * when each remote keystroke arrived. The parent joins the records of every process.
 */

const alphabet = 'abcdefghijklmnopqrstuvwxyz ';
/**
 * Chance that a keystroke first moves the caret to a random place. People type runs at their
 * caret and jump now and then (a run of 50 characters on average here). Typing every character
 * at a random place would be a different workload: a client that does not merge the others'
 * text would then conflict with all of it on every keystroke, as if everyone had typed offline.
 */
const caretJumpChance = 0.02;
// Every y-websocket provider adds a process 'exit' listener.
process.setMaxListeners(0);

let clients: Typist[] = [];
/** The clients that merge every keystroke (stock providers), whose states must converge. */
const fullClients: Typist[] = [];
const sendTimes = new Map<number, number[]>();
let recordFrom = Number.POSITIVE_INFINITY;
let count = 0;
let sender = new Float64Array(1 << 16);
let clock = new Float64Array(1 << 16);
let at = new Float64Array(1 << 16);
let typed = 0;
let cpuSeconds = 0;
let lagP99Ms = 0;

const grow = (array: Float64Array) => {
  const grown = new Float64Array(array.length * 2);
  grown.set(array);
  return grown;
};

const recordDelivery = (from: number, itemClock: number, time: number) => {
  if (count === at.length) {
    sender = grow(sender);
    clock = grow(clock);
    at = grow(at);
  }
  sender[count] = from;
  clock[count] = itemClock;
  at[count] = time;
  count += 1;
};

async function connect(specs: Extract<FanoutCommand, { type: 'connect' }>['clients']) {
  clients = specs.map(({ spec, protocolOnly }) => {
    const typist = protocolOnly
      ? new ProtocolTypist(spec)
      : new ProviderTypist(connectClient(spec));
    if (!protocolOnly) fullClients.push(typist);
    return typist;
  });
  await Promise.all(clients.map((client) => client.whenSynced(60_000)));
  await waitUntil(
    () => clients.every((client) => bodyText(client.doc) !== null),
    'every client to receive the page body',
    30_000,
  );
  for (const client of clients) {
    sendTimes.set(client.doc.clientID, []);
    client.onRemoteUpdate((update) => {
      const now = monotonicMs();
      if (now < recordFrom) return;
      const { from, to } = readUpdateMeta(update);
      for (const [writer, end] of to) {
        // A server may merge a client's own keystrokes into what it relays to it.
        if (writer === client.doc.clientID) continue;
        for (let itemClock = from.get(writer) ?? 0; itemClock < end; itemClock++) {
          recordDelivery(writer, itemClock, now);
        }
      }
    });
  }
}

function type(command: Extract<FanoutCommand, { type: 'type' }>): Promise<void> {
  const random = seededRandom(command.seed);
  const intervalMs = 1000 / command.keystrokesPerSecond;
  const timers = new Set<NodeJS.Timeout>();
  recordFrom = command.windowStart;
  const lag = monitorEventLoopDelay({ resolution: 5 });
  let cpuAtStart: NodeJS.CpuUsage | null = null;
  return new Promise((resolve) => {
    const startWindow = setTimeout(
      () => {
        lag.enable();
        cpuAtStart = process.cpuUsage();
      },
      Math.max(0, command.windowStart - monotonicMs()),
    );
    timers.add(startWindow);
    for (const client of clients) {
      // A process of receivers only (typists on other servers of a cluster) records, never types.
      if (!(command.keystrokesPerSecond > 0)) break;
      const text = bodyText(client.doc);
      const times = sendTimes.get(client.doc.clientID);
      if (!text || !times) throw new Error('A client lost the page body.');
      // Kept relative to the text, so it stays by its character as others type before it.
      let caret: Y.RelativePosition | null = null;
      const keystroke = () => {
        const now = monotonicMs();
        if (now >= command.windowEnd) return;
        times[Y.getState(client.doc.store, client.doc.clientID)] = now;
        typed += 1;
        const char = alphabet[Math.floor(random() * alphabet.length)] ?? 'x';
        const at =
          caret === null || random() < caretJumpChance
            ? null
            : Y.createAbsolutePositionFromRelativePosition(caret, client.doc);
        const index =
          at !== null && at.type === text ? at.index : Math.floor(random() * (text.length + 1));
        text.insert(index, char);
        caret = Y.createRelativePositionFromTypeIndex(text, index + 1);
      };
      const first = setTimeout(
        () => {
          keystroke();
          timers.add(setInterval(keystroke, intervalMs));
        },
        Math.max(0, command.from - monotonicMs()) + random() * intervalMs,
      );
      timers.add(first);
    }
    const stop = setTimeout(
      () => {
        for (const timer of timers) clearTimeout(timer);
        lag.disable();
        const used = process.cpuUsage(cpuAtStart ?? undefined);
        cpuSeconds = (used.user + used.system) / 1e6;
        lagP99Ms = lag.percentile(99) / 1e6;
        resolve();
      },
      Math.max(0, command.windowEnd - monotonicMs()),
    );
    timers.add(stop);
  });
}

function state(): FanoutReply {
  return {
    type: 'state',
    typed,
    clients: fullClients.map((client) => {
      const text = bodyText(client.doc)?.toString() ?? '';
      return {
        stateVector: Y.encodeStateVector(client.doc),
        textHash: createHash('sha1').update(text).digest('hex'),
        textLength: text.length,
      };
    }),
  };
}

function report(): FanoutReply {
  return {
    type: 'report',
    sends: [...sendTimes].map(([clientId, times]) => ({
      clientId,
      times: Float64Array.from(times, (time) => time ?? Number.NaN),
    })),
    deliveries: {
      sender: sender.slice(0, count),
      clock: clock.slice(0, count),
      at: at.slice(0, count),
    },
    cpuSeconds,
    lagP99Ms,
    lostConnections: clients.flatMap((client) => (client.failure ? [client.failure] : [])),
  };
}

serveWorker<FanoutCommand, FanoutReply>(
  async (command) => {
    switch (command.type) {
      case 'connect':
        await connect(command.clients);
        return { type: 'ready' };
      case 'type':
        await type(command);
        return { type: 'typed' };
      case 'state':
        return state();
      case 'report':
        return report();
    }
  },
  () => {
    for (const client of clients) client.destroy();
  },
);
