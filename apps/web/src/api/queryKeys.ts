/**
 * The cache keys of API answers, by what they hold. Keys under `['pages', id]` all belong to one
 * page, so invalidating that prefix reloads everything shown about it.
 */
export const queryKeys = {
  session: ['session'],
  tokens: ['tokens'],
  users: ['users'],
  invite: (token: string) => ['invite', token],
  passwordReset: (token: string) => ['password-reset', token],
  space: (space: string) => ['spaces', space],
  spaceTree: (space: string) => ['spaces', space, 'tree'],
  spaceTrash: (space: string) => ['spaces', space, 'trash'],
  brokenLinks: (space: string) => ['spaces', space, 'broken-links'],
  spaceMembers: (space: string) => ['spaces', space, 'members'],
  groups: ['groups'],
  group: (group: string) => ['groups', group],
  groupSpaceGrants: (group: string) => ['groups', group, 'space-grants'],
  workspaceAdmins: ['workspace-admins'],
  peopleDirectory: (scope: string) => ['people-directory', scope],
  page: (page: string) => ['pages', page],
  pageInfo: (page: string) => ['pages', page, 'info'],
  backlinks: (page: string) => ['pages', page, 'backlinks'],
  pageTags: (page: string) => ['pages', page, 'tags'],
  pageRestrictions: (page: string) => ['pages', page, 'restrictions'],
  pageAccessChain: (page: string) => ['pages', page, 'access-chain'],
  pageShares: (page: string) => ['pages', page, 'shares'],
  revisions: (page: string, options: { limit: number; before?: number }) => [
    'pages',
    page,
    'revisions',
    options,
  ],
  revision: (page: string, revision: string) => ['pages', page, 'revision', revision],
  diff: (page: string, from: string, to: string) => ['pages', page, 'diff', from, to],
  authorship: (page: string) => ['pages', page, 'authorship'],
  glossary: ['glossary'],
  searchAnalytics: (days: number) => ['search-analytics', days],
} as const;
