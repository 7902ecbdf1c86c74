import { hocuspocusServerEntry, installedVersion } from '../benchPaths';
import type { ClientSpec } from '../clients/ClientSpec';
import type { ProcessSupervisor } from '../process/ProcessSupervisor';
import type { TargetStartOptions } from './CollabTarget';
import { InMemoryPeerTarget } from './InMemoryPeerTarget';

/** `@hocuspocus/server` with default settings and no extensions: in memory, nothing persisted. */
export class HocuspocusTarget extends InMemoryPeerTarget {
  readonly id = 'hocuspocus';
  readonly label = `@hocuspocus/server ${installedVersion('@hocuspocus/server')}`;

  static async start(
    supervisor: ProcessSupervisor,
    options: TargetStartOptions = {},
  ): Promise<HocuspocusTarget> {
    const { server, url } = await InMemoryPeerTarget.launch(
      'Hocuspocus',
      hocuspocusServerEntry,
      supervisor,
      options,
    );
    return new HocuspocusTarget(server, url);
  }

  clientSpec(docId: string): ClientSpec {
    return { kind: 'hocuspocus', url: this.url, name: docId };
  }
}
