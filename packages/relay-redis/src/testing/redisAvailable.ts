import { RedisServer } from './RedisServer';

/** Whether redis-server is installed, so that the Redis suites can run. */
export function redisAvailable(): boolean {
  return RedisServer.findBinary() !== null;
}

/** Says, in the test output, that a suite did not run and why. */
export function reportRedisMissing(suite: string): void {
  console.warn(
    `${suite}: redis-server is not installed (apt-get install redis-server, or set LORE_REDIS_SERVER), so these tests did not run.`,
  );
}
