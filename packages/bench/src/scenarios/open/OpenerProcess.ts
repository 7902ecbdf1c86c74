import { fileURLToPath } from 'node:url';
import type { ProcessSupervisor } from '../../process/ProcessSupervisor';
import { WorkerProcess } from '../../process/WorkerProcess';
import type { OpenCommand, OpenReply } from './OpenMessages';

const workerEntry = fileURLToPath(new URL('./openerMain.ts', import.meta.url));

/** A forked process that opens pages with fresh clients and times them (`openerMain`). */
export class OpenerProcess extends WorkerProcess<OpenCommand, OpenReply> {
  constructor(supervisor: ProcessSupervisor) {
    super(workerEntry, supervisor, { name: 'opener' });
  }
}
