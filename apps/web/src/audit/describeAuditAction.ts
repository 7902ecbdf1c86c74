import type { AuditLogRecord } from '@lore/api';

const roleNames: Record<string, string> = {
  admin: 'Administrator',
  member: 'Member',
  guest: 'Guest',
  editor: 'Editor',
  commenter: 'Commenter',
  viewer: 'Viewer',
};

const role = (value: unknown) =>
  typeof value === 'string' ? (roleNames[value] ?? value) : 'no role';

const reasons: Record<string, string> = {
  wrong_password: 'wrong password',
  unknown_account: 'no such account',
  disabled: 'account disabled',
  deleted: 'account deleted',
  sso_disabled: 'account disabled (single sign-on)',
  sso_deleted: 'account deleted (single sign-on)',
  sso_unknown_account: 'no such account (single sign-on)',
  logout: 'signed out',
  logout_everywhere: 'signed out everywhere',
  password_changed: 'password changed',
  password_reset: 'password reset',
};

/** A person, group or space the record mentions, by the name it had then. */
function named(record: AuditLogRecord, id: unknown): string {
  const names = record.details.names as Record<string, string> | undefined;
  return typeof id === 'string' ? (names?.[id] ?? 'someone') : 'someone';
}

/** `share.link_used` → "Share link used": actions this page has no words for yet. */
function humanize(action: string): string {
  const text = action.replace(/[._]/g, ' ').trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** What happened, in words, for the audit table. */
export function describeAuditAction(record: AuditLogRecord): string {
  const d = record.details;
  switch (record.action) {
    case 'user.signed_in':
      return d.via === 'setup'
        ? 'Signed in (first setup)'
        : d.via === 'invite'
          ? 'Signed in (accepted invite)'
          : d.via === 'password_reset'
            ? 'Signed in (after a password reset)'
            : d.via === 'sso'
              ? 'Signed in (single sign-on)'
              : 'Signed in';
    case 'user.sign_in_failed':
      return `Failed sign-in (${reasons[String(d.reason)] ?? String(d.reason)})`;
    case 'user.sessions_revoked':
      return `Sessions ended (${reasons[String(d.reason)] ?? String(d.reason)})`;
    case 'user.invited':
      return `Invited as ${role(d.role)}`;
    case 'user.invite_revoked':
      return 'Revoked an invite';
    case 'user.created':
      return `Account created as ${role(d.role)}`;
    case 'user.role_changed':
      return `Role changed: ${role(d.previousRole)} → ${role(d.role)}`;
    case 'user.disabled':
      return 'Account disabled';
    case 'user.enabled':
      return 'Account enabled';
    case 'user.deleted':
      return 'Account deleted';
    case 'user.password_changed':
      return d.via === 'reset' ? 'Password chosen with a reset link' : 'Password changed';
    case 'user.password_reset_created':
      return 'Password reset link made';
    case 'space.created':
      return 'Space created';
    case 'space.changed':
      return 'Space renamed';
    case 'space.visibility_changed':
      return `Space made ${String(d.visibility)} (default role ${role(d.defaultRole)})`;
    case 'space.member_set':
      return d.previousRole
        ? `${named(record, d.principalId)}: ${role(d.previousRole)} → ${role(d.role)}`
        : `${named(record, d.principalId)} added as ${role(d.role)}`;
    case 'space.member_removed':
      return `${named(record, d.principalId)} removed (was ${role(d.previousRole)})`;
    case 'group.created':
      return 'Group created';
    case 'group.renamed':
      return `Group renamed from ${String(d.previousName)}`;
    case 'group.deleted':
      return 'Group deleted';
    case 'group.member_added':
      return `${named(record, d.userId)} added to the group`;
    case 'group.member_removed':
      return `${named(record, d.userId)} removed from the group`;
    case 'page.restrictions_changed':
      return 'Page restrictions changed';
    case 'page.created':
      return 'Page created';
    case 'page.renamed':
      return 'Page renamed';
    case 'page.moved':
      return 'Page moved';
    case 'page.trashed':
      return 'Page moved to the trash';
    case 'page.restored':
      return 'Page restored from the trash';
    case 'page.exported':
      return `Page exported (${String(d.format)})`;
    case 'space.exported':
      return `Space exported (${String(d.format)})`;
    case 'audit.exported':
      return `Audit log exported (${String(d.format)})`;
    case 'import.finished':
      return `Import: ${Number(d.pagesCreated)} created, ${Number(d.pagesUpdated)} updated`;
    case 'attachment.added':
      return 'File attached';
    case 'token.created':
      return `API token created (${String(d.scope)})`;
    case 'token.revoked':
      return 'API token revoked';
    default:
      return humanize(record.action);
  }
}
