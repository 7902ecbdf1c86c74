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
};

/** The phrase for `kind`; kinds added later read "made changes to" until they get their own. */
export function notificationPhrase(kind: string): string {
  return phrases[kind] ?? 'made changes to';
}
