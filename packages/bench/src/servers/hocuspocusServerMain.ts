import { Server } from '@hocuspocus/server';

/**
 * Hocuspocus with its defaults and no extensions (so nothing is persisted), listening on
 * HOST/PORT. Started by the benchmark in a process of its own, like the other servers.
 */
const server = new Server({
  address: process.env.HOST ?? '127.0.0.1',
  port: Number(process.env.PORT ?? 1234),
  quiet: true,
  stopOnSignals: true,
});
await server.listen();
