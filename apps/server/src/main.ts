import { warmUpYjs } from '@lore/collab';
import pretty from 'pino-pretty';
import { ConfigError, loadConfig } from './config';
import { createServer } from './createServer';
import { createLogger } from './logger';

/** `lore serve`: read the environment once, start, and shut down cleanly on SIGTERM/SIGINT. */
export async function main(env: Record<string, string | undefined> = process.env): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n\nSee docs/configuration.md for every setting.\n`);
      process.exit(2);
    }
    throw error;
  }
  // People starting Lore in a terminal read the log; log collectors get JSON lines.
  const logger = createLogger(
    config.logLevel,
    process.stdout.isTTY ? pretty({ colorize: true, ignore: 'pid,hostname,service' }) : undefined,
  );
  const server = await createServer(config, { logger });
  logger.debug({ ms: Math.round(warmUpYjs()) }, 'collaboration code warmed up');
  const { url } = await server.listen();
  logger.info(
    { url, dataDir: config.dataDir, webApp: config.webDist !== null },
    `Lore is ready at ${url}`,
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    server.close().then(
      () => {
        logger.info('stopped cleanly');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

// Run when this very file is the entry point (`node src/main.ts`), not when bundled into `lore`.
if (import.meta.url === `file://${process.argv[1]}` && import.meta.url.endsWith('/main.ts')) {
  main().catch((error: unknown) => {
    process.stderr.write(
      `Lore failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  });
}
