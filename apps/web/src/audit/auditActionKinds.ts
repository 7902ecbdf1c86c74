/** The kinds of action the audit page filters on, each a list of actions or prefixes (`x.*`). */
export const auditActionKinds = [
  {
    id: 'sign-in',
    label: 'Sign-ins and sign-outs',
    actions: ['user.signed_in', 'user.sign_in_failed', 'user.sessions_revoked'],
  },
  {
    id: 'people',
    label: 'People and roles',
    actions: [
      'user.invited',
      'user.invite_revoked',
      'user.created',
      'user.role_changed',
      'user.disabled',
      'user.enabled',
      'user.deleted',
      'user.password_changed',
      'user.password_reset_created',
    ],
  },
  {
    id: 'access',
    label: 'Spaces, groups and restrictions',
    actions: [
      'space.created',
      'space.changed',
      'space.visibility_changed',
      'space.member_set',
      'space.member_removed',
      'group.*',
      'page.restrictions_changed',
    ],
  },
  {
    id: 'pages',
    label: 'Pages and trash',
    actions: [
      'page.created',
      'page.renamed',
      'page.moved',
      'page.trashed',
      'page.restored',
      'page.deleted',
      'attachment.*',
    ],
  },
  { id: 'shares', label: 'Public share links', actions: ['share.*'] },
  {
    id: 'transfer',
    label: 'Imports and exports',
    actions: ['import.*', 'page.exported', 'space.exported', 'audit.exported'],
  },
  { id: 'tokens', label: 'API tokens', actions: ['token.*'] },
  { id: 'settings', label: 'Settings and integrations', actions: ['settings.*', 'integration.*'] },
] as const;

export type AuditActionKind = (typeof auditActionKinds)[number]['id'];
