import type { ProcessSupervisor } from '../process/ProcessSupervisor';
import type { CollabTarget, ServerId, TargetStartOptions } from '../servers/CollabTarget';
import { HocuspocusTarget } from '../servers/HocuspocusTarget';
import { LoreTarget } from '../servers/LoreTarget';
import { ReferenceTarget } from '../servers/ReferenceTarget';

/** Starts a fresh server of the given kind (Lore gets a new, empty data folder). */
export function startTarget(
  id: ServerId,
  supervisor: ProcessSupervisor,
  options: TargetStartOptions = {},
): Promise<CollabTarget> {
  switch (id) {
    case 'lore':
      return LoreTarget.start(supervisor, options);
    case 'reference':
      return ReferenceTarget.start(supervisor, options);
    case 'hocuspocus':
      return HocuspocusTarget.start(supervisor, options);
  }
}
