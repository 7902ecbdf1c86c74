export * from './ArchiveError';
export * from './ArchiveLimits';
export * from './isIgnoredPath';
export * from './readFolder';
export * from './readZipArchive';
export * from './SchemaMarkdownCodec';
export * from './writeZipArchive';
