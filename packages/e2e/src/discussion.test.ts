import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  admin,
  guest,
  member,
  openEditor,
  seedWorkspace,
  setUpBrowserTests,
  type Workspace,
} from './harness';

const poll = { timeout: 15_000, interval: 100 };

/** Selects `text` in the page body as a person dragging over it would. */
async function selectText(page: Page, text: string): Promise<void> {
  await page.locator('.page-body').evaluate((body, wanted) => {
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(wanted) ?? -1;
      if (at === -1) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const selection = document.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      return;
    }
    throw new Error(`"${wanted}" is not in the page.`);
  }, text);
}

const sidebar = (page: Page) => page.getByRole('complementary', { name: 'Comments' });
const threadOf = (page: Page, quote: string) =>
  sidebar(page).locator('.thread', { has: page.locator('q', { hasText: quote }) });

describe('discussing a page', () => {
  const harness = setUpBrowserTests();
  let workspace: Workspace;

  beforeEach(async () => {
    workspace = await seedWorkspace(harness.lore, {
      markdown: 'Ship the beta on Friday.\n\nThen tell everyone.\n',
    });
  });

  it('shows comments, replies and resolutions live to everyone on the page', async () => {
    const ada = await harness.open(admin);
    const grace = await harness.open(member);
    await openEditor(ada.page, workspace.page.id);
    await openEditor(grace.page, workspace.page.id);
    await grace.page.getByRole('button', { name: /^Comments/ }).click();
    await sidebar(grace.page).getByText('No comments yet').waitFor();

    // Ada selects text and comments from the bubble menu.
    await ada.page.locator('.page-body p').first().click();
    await selectText(ada.page, 'on Friday');
    await ada.page.getByRole('button', { name: 'Comment', exact: true }).click();
    const draft = sidebar(ada.page).getByRole('combobox', { name: 'Comment', exact: true });
    await draft.fill('Is Friday realistic?');
    await draft.press('Control+Enter');
    await threadOf(ada.page, 'on Friday').getByText('Is Friday realistic?').waitFor();

    // Grace sees the thread appear without reloading, and the text it is about highlighted.
    const graceThread = threadOf(grace.page, 'on Friday');
    await graceThread.getByText('Is Friday realistic?').waitFor(poll);
    const threadId = await graceThread.getAttribute('data-thread-id');
    // Highlighted by the page schema's `comment` mark once the server places it, and until
    // then by the editor's own highlight of open threads: the same class and thread id.
    await grace.page
      .locator(`.page-body .comment-anchor[data-thread-id="${threadId}"]`)
      .filter({ hasText: 'on Friday' })
      .first()
      .waitFor(poll);
    const reply = graceThread.getByRole('combobox', { name: 'Reply' });
    await reply.fill('Monday is safer.');
    await reply.press('Control+Enter');

    // Ada sees the reply live, answers it and resolves the thread; Grace sees it move to
    // Resolved, and her bell counts Ada's answer, all without a reload.
    const graceBell = grace.page.getByRole('link', { name: /^Notifications/ });
    await graceBell.waitFor();
    expect(await grace.page.getByTestId('unread-count').count()).toBe(0);
    const adaThread = threadOf(ada.page, 'on Friday');
    await adaThread.getByText('Monday is safer.').waitFor(poll);
    const answer = adaThread.getByRole('combobox', { name: 'Reply' });
    await answer.fill('Agreed, Monday it is.');
    await answer.press('Control+Enter');
    await adaThread.getByText('Agreed, Monday it is.').waitFor(poll);
    await adaThread.getByRole('button', { name: 'Resolve' }).click();
    await expect
      .poll(async () => (await graceBell.getAttribute('aria-label')) ?? '', poll)
      .toBe('Notifications, 1 unread');
    const resolved = sidebar(grace.page).locator('.discussion__resolved');
    await resolved.locator('summary', { hasText: 'Resolved (1)' }).waitFor(poll);
    await expect
      .poll(() => resolved.locator(`.thread[data-thread-id="${threadId}"]`).count(), poll)
      .toBe(1);
    await expect
      .poll(() => sidebar(grace.page).locator('.discussion__threads .thread').count(), poll)
      .toBe(1);

    // The comment's address (as emails and the inbox link to it) opens the sidebar on it.
    await grace.page.goto(`/pages/${workspace.page.id}?thread=${threadId}`);
    await sidebar(grace.page)
      .locator(`.thread[data-thread-id="${threadId}"]`)
      .getByText('Agreed, Monday it is.')
      .waitFor(poll);

    expect(ada.problems).toEqual([]);
    expect(grace.problems).toEqual([]);
  });

  it('lets a commenter who cannot edit comment on selected text', async () => {
    const { user } = await workspace.adminApi
      .call<{ users: { id: string; email: string }[] }>('GET', '/api/users')
      .then((answer) => ({ user: answer.users.find((u) => u.email === guest.email) }));
    if (!user) throw new Error('The guest is missing.');
    await workspace.adminApi.call(
      'PUT',
      `/api/spaces/${workspace.space.id}/members/users/${user.id}`,
      { role: 'commenter' },
    );
    const linus = await harness.open(guest);
    await openEditor(linus.page, workspace.page.id);
    await linus.page.getByText('View only').waitFor();

    await selectText(linus.page, 'tell everyone');
    await linus.page.keyboard.press('Control+Alt+m');
    const draft = sidebar(linus.page).getByRole('combobox', { name: 'Comment', exact: true });
    await draft.fill('Who is everyone?');
    await draft.press('Control+Enter');
    await threadOf(linus.page, 'tell everyone').getByText('Who is everyone?').waitFor(poll);

    const { threads } = await workspace.adminApi.call<{
      threads: { anchor: { quote: string; state: string } | null; createdBy: { id: string } }[];
    }>('GET', `/api/pages/${workspace.page.id}/comments`);
    expect(threads).toHaveLength(1);
    expect(threads[0]?.anchor).toMatchObject({ quote: 'tell everyone', state: 'attached' });
    expect(threads[0]?.createdBy.id).toBe(user.id);
    expect(linus.problems).toEqual([]);
  });

  it('mentions people in the page from an @ menu, and says when one cannot read it', async () => {
    // The guest leaves the space, so they can no longer read the page.
    const { users } = await workspace.adminApi.call<{ users: { id: string; email: string }[] }>(
      'GET',
      '/api/users',
    );
    const linusId = users.find((u) => u.email === guest.email)?.id ?? '';
    await workspace.adminApi.call(
      'DELETE',
      `/api/spaces/${workspace.space.id}/members/users/${linusId}`,
    );
    const ada = await harness.open(admin);
    await openEditor(ada.page, workspace.page.id);
    const body = ada.page.locator('.page-body');
    await body.locator('p').last().click();
    await ada.page.keyboard.press('End');
    await ada.page.keyboard.type(' Ask @Gra');
    const menu = ada.page.getByRole('listbox', { name: 'Mention someone' });
    await menu.getByText('Grace Hopper').waitFor(poll);
    await ada.page.keyboard.press('Enter');
    await body.locator('.mention', { hasText: '@Grace Hopper' }).waitFor(poll);
    await expect.poll(() => ada.page.getByRole('alert').count(), poll).toBe(0);

    // Mentioning the guest is allowed, and the page says they cannot read it.
    await ada.page.keyboard.type('and @Lin');
    await menu.getByText('Linus Reader').waitFor(poll);
    await ada.page.keyboard.press('Enter');
    await body.locator('.mention', { hasText: '@Linus Reader' }).waitFor(poll);
    const notice = ada.page.locator('.mention-notice');
    await notice.getByText('cannot read this page').waitFor(poll);
    await notice.getByRole('button', { name: 'Share with Linus Reader' }).waitFor(poll);

    expect(ada.problems).toEqual([]);
  });
});
