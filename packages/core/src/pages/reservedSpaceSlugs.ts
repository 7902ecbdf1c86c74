/**
 * First path segments the web app uses itself with a second segment, so `/<x>/<y>` under them
 * is never read as a page's canonical path (spaces cannot take these slugs).
 */
export const reservedSpaceSlugs: ReadonlySet<string> = new Set([
  'api',
  'assets',
  'collab',
  'healthz',
  'login',
  'pages',
  's',
  'search',
  'settings',
  'setup',
  'spaces',
]);
