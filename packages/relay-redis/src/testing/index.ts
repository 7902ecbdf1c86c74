export * from './RedisServer';
export * from './redisAvailable';
