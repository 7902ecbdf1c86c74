export * from './cleanupsAfterEach';
export * from './collabTestHarness';
export * from './editingTraces';
export * from './forgedUpdate';
export * from './instrumentedStore';
export * from './waitUntil';
