import { fileURLToPath } from 'node:url';
import type { ProcessSupervisor } from '../../process/ProcessSupervisor';
import { WorkerProcess } from '../../process/WorkerProcess';
import type { FanoutCommand, FanoutReply } from './FanoutMessages';

const workerEntry = fileURLToPath(new URL('./fanoutWorkerMain.ts', import.meta.url));

/** A forked fan-out load generator (`fanoutWorkerMain`). */
export class LoadGeneratorProcess extends WorkerProcess<FanoutCommand, FanoutReply> {
  constructor(supervisor: ProcessSupervisor, nice?: number) {
    super(workerEntry, supervisor, {
      name: 'load generator',
      ...(nice === undefined ? {} : { nice }),
    });
  }
}
