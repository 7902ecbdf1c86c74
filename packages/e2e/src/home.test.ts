import { beforeEach, describe, expect, it } from 'vitest';
import { type ApiSession, admin, member, setUpBrowserTests, signInApi } from './harness';

const poll = { timeout: 15_000, interval: 100 };

describe('Home and the inbox in the browser', () => {
  const harness = setUpBrowserTests();
  let adminApi: ApiSession;
  let graceId: string;

  beforeEach(async () => {
    adminApi = await signInApi(harness.lore, admin);
    graceId = (
      await adminApi.call<{ user: { id: string } }>('POST', '/api/users', {
        ...member,
        role: 'member',
      })
    ).user.id;
  });

  it('counts a mention live, opens it from the inbox, and shows what changed on Home', async () => {
    const { space } = await adminApi.call<{ space: { id: string; slug: string } }>(
      'POST',
      '/api/spaces',
      { name: 'Operations', visibility: 'private' },
    );
    await adminApi.call('PUT', `/api/spaces/${space.id}/members/users/${graceId}`, {
      role: 'editor',
    });
    const { page } = await adminApi.call<{ page: { id: string; shortId: string } }>(
      'POST',
      '/api/pages',
      { spaceId: space.id, title: 'Deploy runbook', markdown: 'Ship on Tuesdays.' },
    );
    // Grace follows the space; then the page changes.
    const graceApi = await signInApi(harness.lore, member);
    await graceApi.call('POST', `/api/spaces/${space.slug}/watch`);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await adminApi.call('PATCH', `/api/pages/${page.id}`, { title: 'Deploy checklist' });

    const grace = await harness.open(member);
    const updated = grace.page.getByRole('region', { name: 'Updated since your last visit' });
    await updated.getByRole('link', { name: 'Deploy checklist' }).waitFor();
    const bell = grace.page.getByRole('link', { name: /^Notifications/ });
    await bell.waitFor();
    // Joining the space notified her already: start from an empty inbox.
    await graceApi.call('POST', '/api/notifications/read-all');
    await expect.poll(async () => grace.page.getByTestId('unread-count').count(), poll).toBe(0);

    // The admin mentions Grace in a comment: her bell counts it without a reload.
    await adminApi.call('POST', `/api/pages/${page.id}/comments`, {
      body: `Can you check this, @[Grace](user:${graceId})?`,
    });
    await expect
      .poll(async () => (await grace.page.getByTestId('unread-count').count()) > 0, poll)
      .toBe(true);
    expect(await grace.page.getByTestId('unread-count').textContent()).toBe('1');
    expect(await bell.getAttribute('aria-label')).toBe('Notifications, 1 unread');

    // The inbox lists it; opening it lands on the page and the count drops.
    await bell.click();
    await grace.page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor();
    await grace.page
      .getByRole('button', {
        name: new RegExp(`^${admin.displayName} mentioned you on Deploy checklist`),
      })
      .click();
    await grace.page.waitForURL((url) => url.pathname.endsWith(page.shortId));
    await expect.poll(async () => grace.page.getByTestId('unread-count').count(), poll).toBe(0);
    expect(grace.problems).toEqual([]);
  });
});
