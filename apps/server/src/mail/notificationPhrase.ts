/** What the actor did, by notification kind, as "<actor> <phrase> <page>". */
const phrases: Readonly<Record<string, string>> = {
  mention: 'mentioned you on',
  comment: 'commented on',
  reply: 'replied to you on',
  'comment.reply': 'replied to you on',
  'comment.resolved': 'resolved a comment on',
  edit: 'edited',
  'page.edited': 'edited',
  'page.created': 'created',
  'page.moved': 'moved',
  'page.renamed': 'renamed',
  'page.restored': 'restored',
  'page.trashed': 'moved to the trash',
  share: 'shared',
  // The notification kinds, as notifications are made.
  mentioned: 'mentioned you on',
  thread_reply: 'replied in a thread on',
  page_comment: 'commented on',
  page_changed: 'edited',
  page_shared: 'shared',
  thread_resolved: 'resolved a comment on',
};

/** The phrase for `kind`; kinds added later read "made changes to" until they get their own. */
export function notificationPhrase(kind: string): string {
  return phrases[kind] ?? 'made changes to';
}
