import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

/** `[position, deleted count, inserted text]`; positions count Unicode code points. */
export type TracePatch = readonly [number, number, string];

/** A single-author editing trace from the editing-traces corpus (`sequential_traces/*.json.gz`). */
export interface SequentialTrace {
  readonly startContent: string;
  readonly endContent: string;
  readonly txns: readonly { readonly patches: readonly TracePatch[] }[];
}

/** Reads and unzips a sequential trace. */
export function readSequentialTrace(path: string): SequentialTrace {
  const trace = JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')) as SequentialTrace;
  if (!Array.isArray(trace.txns) || typeof trace.endContent !== 'string') {
    throw new Error(`${path} is not a sequential editing trace.`);
  }
  return trace;
}

/** The text after the first `count` transactions, by plain string splicing. */
export function traceContentAfter(trace: SequentialTrace, count: number): string {
  if (count >= trace.txns.length) return trace.endContent;
  let content = trace.startContent;
  for (const txn of trace.txns.slice(0, count)) {
    for (const [position, deleted, inserted] of txn.patches) {
      content = content.slice(0, position) + inserted + content.slice(position + deleted);
    }
  }
  return content;
}
