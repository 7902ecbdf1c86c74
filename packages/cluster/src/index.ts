export * from './freePort';
export * from './LoreCluster';
export * from './LoreProcess';
export * from './NginxServer';
