import type { BenchClient } from './BenchClient';
import { HocuspocusClient } from './HocuspocusClient';
import { YWebsocketClient } from './YWebsocketClient';

/**
 * How to open one client, as plain data, so a load-generator process can open it too.
 * `y-websocket`: the stock provider (Lore, reference server); `hocuspocus`: the Hocuspocus one.
 */
export type ClientSpec =
  | {
      readonly kind: 'y-websocket';
      readonly serverUrl: string;
      readonly room: string;
      readonly params: Readonly<Record<string, string>>;
    }
  | { readonly kind: 'hocuspocus'; readonly url: string; readonly name: string };

export function connectClient(spec: ClientSpec): BenchClient {
  return spec.kind === 'y-websocket'
    ? new YWebsocketClient(spec.serverUrl, spec.room, { ...spec.params })
    : new HocuspocusClient(spec.url, spec.name);
}
