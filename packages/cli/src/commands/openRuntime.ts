import { createLogger, createLore, type LoreRuntime, loadConfig } from '@lore/server';
import type { CommandIo } from './CommandIo';

/**
 * The Lore runtime over the configured data folder, started and without HTTP: what the
 * commands work through, so they follow the same rules (and write the same events) as the API.
 * Commands that write call `finish` at the end, so derived data (search, links, titles) is up to
 * date before the process exits.
 */
export async function openRuntime(io: CommandIo): Promise<LoreRuntime> {
  const config = loadConfig(io.env);
  const runtime = await createLore(config, { logger: createLogger('error') });
  await runtime.start();
  return runtime;
}

/** Delivers every event the command caused, then closes the runtime. */
export async function finish(runtime: LoreRuntime): Promise<void> {
  try {
    await runtime.events.drain({ flushContent: true });
  } finally {
    await runtime.close();
  }
}
