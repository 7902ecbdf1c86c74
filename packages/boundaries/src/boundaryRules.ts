/** What one package may not import, beyond declaring every package it imports. */
export interface PackageRule {
  /** The package (its `name` in package.json). */
  readonly name: string;
  /** Why, in a sentence shown with each violation. */
  readonly because: string;
  /** Import specifiers (exact, or a prefix ending in `/`) it must not use. */
  readonly forbidden: readonly string[];
  /** Packages it may take types from (`import type`) but no code. */
  readonly typesOnly?: readonly string[];
}

const transport = ['node:http', 'node:https', 'node:http2', 'node:net', 'node:tls', 'node:dgram'];
const storage = ['node:fs', 'node:fs/', 'node:sqlite', 'better-sqlite3', 'pg', 'ioredis', 'redis'];
const frameworks = ['express', 'ws', 'y-websocket', 'y-protocols/', 'pino', 'meilisearch'];
const serverPackages = [
  '@lore/server',
  '@lore/cli',
  '@lore/store-sqlite',
  '@lore/store-postgres',
  '@lore/search-fts5',
  '@lore/search-postgres',
  '@lore/search-meilisearch',
  '@lore/collab',
  '@lore/page-document',
  '@lore/transfer',
];

/** The layering of ARCHITECTURE.md, as import rules. */
export const boundaryRules: readonly PackageRule[] = [
  {
    name: '@lore/core',
    because: 'the domain knows no transport, SQL, websocket or filesystem',
    forbidden: [...transport, ...storage, ...frameworks, 'yjs', '@lore/'],
  },
  {
    name: '@lore/schema',
    because: 'the page schema is shared by the browser and the server, and knows neither',
    forbidden: [...transport, ...storage, 'express', 'ws', 'pino', '@lore/'],
  },
  {
    name: '@lore/api',
    because: "the API's shapes are shared by the browser and the server, and know neither",
    forbidden: [...transport, ...storage, ...frameworks, ...serverPackages, '@lore/schema'],
  },
  {
    name: '@lore/web',
    because: 'the web app talks to the server over HTTP and websockets only',
    forbidden: [...serverPackages, ...transport, ...storage, 'express', 'pino'],
    // The server validates with the schemas; the browser trusts its answers and ships no zod.
    typesOnly: ['@lore/api'],
  },
];
