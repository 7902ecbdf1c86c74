import type { Logger } from 'pino';
import type { Storage } from './Storage';

export interface PostgresStorageOptions {
  readonly url: string;
  readonly attachmentsDir: string;
  readonly logger: Logger;
}

/** Every store on a shared PostgreSQL database (migrated under an advisory lock). */
export function openPostgresStorage(_options: PostgresStorageOptions): Storage {
  throw new Error('PostgreSQL storage is not available in this build.');
}
