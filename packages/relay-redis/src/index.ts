export * from './RedisRoomRelay';
export * from './relayMessageCodec';
