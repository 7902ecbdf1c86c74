export * from './CloseCode';
export * from './CollabConnection';
export * from './CollabProtocolError';
export * from './CollabServer';
export * from './CollabServerOptions';
export * from './protocol/MessageType';
export type { RoomState } from './Room';
export * from './SocketLike';
export * from './warmUpYjs';
