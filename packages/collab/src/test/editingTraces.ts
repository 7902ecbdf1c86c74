import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import * as Y from 'yjs';

/** `[position, deleted count, inserted text]`, positions in Unicode code points. */
export type Patch = readonly [number, number, string];

export interface SequentialTrace {
  readonly endContent: string;
  readonly txns: readonly { readonly patches: readonly Patch[] }[];
}

export interface ConcurrentTrace {
  readonly endContent: string;
  readonly numAgents: number;
  readonly txns: readonly {
    readonly parents: readonly number[];
    readonly agent: number;
    readonly patches: readonly Patch[];
  }[];
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

/** The editing-traces corpus (`$LORE_CORPORA/editing-traces`), or null when it is not there. */
export function editingTracesDir(): string | null {
  const corpora = process.env.LORE_CORPORA ?? resolve(repoRoot, '../shared/corpora');
  const dir = join(corpora, 'editing-traces');
  return existsSync(join(dir, 'sequential_traces')) && existsSync(join(dir, 'concurrent_traces'))
    ? dir
    : null;
}

export function readTrace<T>(dir: string, relativePath: string): T {
  return JSON.parse(gunzipSync(readFileSync(join(dir, relativePath))).toString('utf8')) as T;
}

/** Applies patches to a Y.Text. The traces hold no astral characters, so code points = UTF-16 units. */
export function applyPatches(text: Y.Text, patches: readonly Patch[]): void {
  for (const [position, deleted, inserted] of patches) {
    if (deleted > 0) text.delete(position, deleted);
    if (inserted.length > 0) text.insert(position, inserted);
  }
}

/** One agent's transaction, ready to send: its Yjs update and what must be seen before it. */
export interface ReplayStep {
  /** 1-based count of this agent's transactions up to and including this one. */
  readonly seq: number;
  readonly update: Uint8Array;
  /** For every agent, how many of its transactions this one causally follows. */
  readonly needs: readonly number[];
}

/**
 * Turns a concurrent trace into per-agent Yjs updates. Each transaction's positions refer to the
 * document as its parents left it, so each agent keeps an offline document holding exactly that
 * causal history (its own past plus the other agents' transactions it has seen) and records the
 * update its patches produce. Replaying those updates live, each agent waiting until its client
 * has seen `needs`, reproduces the trace through the server.
 */
export function planConcurrentReplay(trace: ConcurrentTrace): {
  steps: ReplayStep[][];
  clientIds: number[];
} {
  const agents = trace.numAgents;
  const clientIds = Array.from({ length: agents }, (_, agent) => 1_000_000 + agent);
  const docs = clientIds.map((clientId) => {
    const doc = new Y.Doc();
    doc.clientID = clientId;
    return doc;
  });
  const updates: { index: number; update: Uint8Array }[][] = docs.map(() => []);
  const applied = docs.map(() => new Array<number>(agents).fill(0));
  const versions: number[][] = [];
  const steps: ReplayStep[][] = docs.map(() => []);

  trace.txns.forEach((txn, index) => {
    const target = new Array<number>(agents).fill(0);
    for (const parent of txn.parents) {
      const version = versions[parent];
      if (!version) throw new Error(`Transaction ${index} names a later parent ${parent}.`);
      version.forEach((count, agent) => {
        target[agent] = Math.max(target[agent] ?? 0, count);
      });
    }
    const agent = txn.agent;
    const doc = docs[agent];
    const seen = applied[agent];
    if (!doc || !seen) throw new Error(`Unknown agent ${agent}.`);
    // Catch up in trace order, which is causal: out of order, Yjs would park updates as pending
    // and re-merge them on every later apply.
    for (;;) {
      let next = -1;
      let nextIndex = Number.POSITIVE_INFINITY;
      for (let other = 0; other < agents; other++) {
        if (other === agent || (seen[other] ?? 0) >= (target[other] ?? 0)) continue;
        const candidate = updates[other]?.[seen[other] ?? 0];
        if (!candidate) throw new Error(`Transaction ${index} depends on one not yet made.`);
        if (candidate.index < nextIndex) {
          next = other;
          nextIndex = candidate.index;
        }
      }
      if (next < 0) break;
      const candidate = updates[next]?.[seen[next] ?? 0];
      if (candidate) Y.applyUpdate(doc, candidate.update);
      seen[next] = (seen[next] ?? 0) + 1;
    }
    let captured: Uint8Array | null = null;
    const capture = (update: Uint8Array) => {
      captured = update;
    };
    doc.on('update', capture);
    doc.transact(() => applyPatches(doc.getText('trace'), txn.patches));
    doc.off('update', capture);
    if (captured) {
      const needs = [...target];
      updates[agent]?.push({ index, update: captured });
      target[agent] = (target[agent] ?? 0) + 1;
      seen[agent] = target[agent] ?? 0;
      steps[agent]?.push({ seq: target[agent] ?? 0, update: captured, needs });
    }
    versions.push(target);
  });
  return { steps, clientIds };
}
