import { describe, it } from 'vitest';
import { MemoryNotificationStore } from './MemoryNotificationStore';
import { notificationStoreContract } from './notificationStoreContract';

notificationStoreContract({ describe, it }, 'memory', () => ({
  store: new MemoryNotificationStore(),
  seed: { users: () => {}, space: () => {}, page: () => {} },
}));
