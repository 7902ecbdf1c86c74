import type { ServerProcessOptions } from '../process/ServerProcess';
import type { TargetStartOptions } from './CollabTarget';

/** The scheduling options of a target start that a server process takes, without unset ones. */
export function serverPlacement(
  options: TargetStartOptions,
): Pick<ServerProcessOptions, 'nice' | 'cpus'> {
  return {
    ...(options.nice === undefined ? {} : { nice: options.nice }),
    ...(options.cpus === undefined ? {} : { cpus: options.cpus }),
  };
}
