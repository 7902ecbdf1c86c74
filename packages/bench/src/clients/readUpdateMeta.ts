import * as Y from 'yjs';

type UpdateMeta = ReturnType<typeof Y.parseUpdateMeta>;

const cache = new Map<string, UpdateMeta>();
const cacheLimit = 512;

/**
 * `Y.parseUpdateMeta`, once per distinct update in this process: a server sends the same relayed
 * bytes to every client, and a load generator holding a hundred of them would otherwise parse
 * each message a hundred times and measure its own lag instead of the server.
 */
export function readUpdateMeta(update: Uint8Array): UpdateMeta {
  const key = Buffer.from(update.buffer, update.byteOffset, update.byteLength).toString('latin1');
  let meta = cache.get(key);
  if (!meta) {
    meta = Y.parseUpdateMeta(update);
    if (cache.size >= cacheLimit) cache.clear();
    cache.set(key, meta);
  }
  return meta;
}
