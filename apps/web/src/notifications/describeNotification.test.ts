import type { NotificationJson } from '@lore/api';
import { describe, expect, it } from 'vitest';
import { describeNotification, notificationHref } from './describeNotification';

const base: NotificationJson = {
  id: 'n1',
  kind: 'mentioned',
  page: { id: 'p1', shortId: 'abc', title: 'Runbook', icon: null, url: '/docs/runbook-abc' },
  space: { id: 's1', slug: 'docs', name: 'Docs' },
  actor: { id: 'u1', displayName: 'Sam' },
  threadId: 't1',
  commentId: 'c1',
  createdAt: '2026-01-01T00:00:00.000Z',
  read: false,
  readAt: null,
  archivedAt: null,
};

describe('describeNotification', () => {
  it('says who did what to which page', () => {
    expect(describeNotification(base)).toBe('Sam mentioned you on Runbook');
    expect(describeNotification({ ...base, kind: 'page_changed', actor: null })).toBe(
      'Someone changed Runbook',
    );
    expect(describeNotification({ ...base, page: base.page && { ...base.page, title: ' ' } })).toBe(
      'Sam mentioned you on Untitled',
    );
    expect(describeNotification({ ...base, kind: 'page_shared', page: null })).toBe(
      'Sam added you to Docs',
    );
  });

  it('leads to the page, or to the space for notifications about the space', () => {
    expect(notificationHref({ ...base, threadId: null })).toBe('/docs/runbook-abc');
    expect(notificationHref({ ...base, threadId: 't 1' })).toBe('/docs/runbook-abc?thread=t%201');
    expect(notificationHref({ ...base, page: null })).toBe('/spaces/docs');
  });
});
