import { z } from 'zod';

/** Which database holds the stores. */
export type StoreConfig =
  | { readonly engine: 'sqlite' }
  | {
      readonly engine: 'postgres';
      /** `postgresql://user:password@host:5432/lore` (a secret: never logged). */
      readonly url: string;
    };

/** The storage variables of the environment, merged into the server's config schema. */
export const storageConfigShape = {
  LORE_STORE: z.enum(['sqlite', 'postgres']).default('sqlite'),
  LORE_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// connection string')
    .optional(),
  LORE_ATTACHMENTS_DIR: z.string().min(1).optional(),
  LORE_RELAY: z
    .string()
    .regex(/^(redis|rediss|unix):\/\//, 'must be a redis://, rediss:// or unix:// URL')
    .optional(),
};

type StorageEnv = { LORE_STORE: 'sqlite' | 'postgres'; LORE_DATABASE_URL?: string | undefined };

/** The store part of the configuration; the message names what is missing. */
export function storeConfigFrom(env: StorageEnv): StoreConfig | { error: string } {
  if (env.LORE_STORE === 'sqlite') return { engine: 'sqlite' };
  if (!env.LORE_DATABASE_URL) {
    return {
      error:
        'LORE_STORE=postgres needs LORE_DATABASE_URL (e.g. postgresql://lore:secret@db:5432/lore).',
    };
  }
  return { engine: 'postgres', url: env.LORE_DATABASE_URL };
}
