import { afterEach } from 'vitest';

export type Cleanup = () => Promise<void> | void;

/**
 * A list each test pushes its cleanups to (servers, clients, temp folders); after every test
 * they run, last pushed first, and the list is emptied.
 */
export function cleanupsAfterEach(): Cleanup[] {
  const cleanups: Cleanup[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  return cleanups;
}
