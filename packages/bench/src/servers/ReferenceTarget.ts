import { installedVersion, referenceServerEntry } from '../benchPaths';
import type { ClientSpec } from '../clients/ClientSpec';
import type { ProcessSupervisor } from '../process/ProcessSupervisor';
import type { TargetStartOptions } from './CollabTarget';
import { InMemoryPeerTarget } from './InMemoryPeerTarget';

/**
 * The y-websocket 1.5.4 reference server (`bin/server.js`) as shipped: documents live in memory
 * and nothing is persisted (YPERSISTENCE unset).
 */
export class ReferenceTarget extends InMemoryPeerTarget {
  readonly id = 'reference';
  readonly label = `y-websocket ${installedVersion('y-websocket-ref')} reference server`;

  static async start(
    supervisor: ProcessSupervisor,
    options: TargetStartOptions = {},
  ): Promise<ReferenceTarget> {
    const { server, url } = await InMemoryPeerTarget.launch(
      'y-websocket reference server',
      referenceServerEntry,
      supervisor,
      options,
    );
    return new ReferenceTarget(server, url);
  }

  clientSpec(docId: string): ClientSpec {
    return { kind: 'y-websocket', serverUrl: this.url, room: docId, params: {} };
  }
}
