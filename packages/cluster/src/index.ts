export * from './freePort';
export * from './LoreProcess';
export * from './NginxServer';
