// Test clients and trace replay for suites outside this package that drive real Lore processes
// (the cluster's failure tests): the same stock-provider client and page-model replay as ours.
export * from './test/collabClient';
export * from './test/planConcurrentPageReplay';
export * from './test/seededRandom';
export * from './test/traceParagraph';
