export * from './cleanupsAfterEach';
export * from './collabTestHarness';
export * from './editingTraces';
export * from './forgedUpdate';
export * from './instrumentedStore';
export * from './relayedCollabScenarios';
export * from './roomRelayContract';
export * from './waitUntil';
