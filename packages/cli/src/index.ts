export * from './CliError';
export * from './commands/CommandIo';
export * from './runCli';
