import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { type ApiSession, admin, setUpBrowserTests, signInApi } from './harness';

const poll = { timeout: 15_000, interval: 100 };

interface PageAnswer {
  page: {
    id: string;
    shortId: string;
    url: string;
    title: string;
    parentId: string | null;
    deletedAt: string | null;
  };
  markdown: string;
}

/** What has the keyboard focus: its role (or tag), label and text (or labelling text). */
function focused(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement;
    const labelledBy = element?.getAttribute('aria-labelledby');
    const labelling = labelledBy ? document.getElementById(labelledBy) : null;
    return {
      role: element?.getAttribute('role') ?? element?.tagName.toLowerCase() ?? null,
      label: element?.getAttribute('aria-label') ?? '',
      text: (labelling ?? element)?.textContent?.trim() ?? '',
    };
  });
}

/** Presses Tab until `matches` holds for the focused element (at most 30 times). */
async function tabTo(page: Page, matches: (f: Awaited<ReturnType<typeof focused>>) => boolean) {
  for (let presses = 0; presses < 30; presses++) {
    if (matches(await focused(page))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(
    `Tab never reached the element; focus is on ${JSON.stringify(await focused(page))}`,
  );
}

/** The short id at the end of a canonical page address, `/<space>/<title-slug>-<shortId>`. */
function shortIdFromUrl(page: Page): string {
  const match = /^\/[^/]+\/(?:[^/]*-)?([0-9a-z]{10})$/.exec(new URL(page.url()).pathname);
  if (!match?.[1]) throw new Error(`Not on a page: ${page.url()}`);
  return match[1];
}

describe('spaces and pages in the sidebar', () => {
  const harness = setUpBrowserTests();
  let adminApi: ApiSession;
  let page: Page;
  let problems: string[];

  const readPage = (id: string) => adminApi.call<PageAnswer>('GET', `/api/pages/${id}`);

  beforeEach(async () => {
    adminApi = await signInApi(harness.lore, admin);
    ({ page, problems } = await harness.open(admin));
  });

  it('creates a space, a page and a subpage with the keyboard, and walks the tree', async () => {
    const sidebar = page.getByRole('complementary');
    await sidebar.getByText('No spaces yet — create the first one').waitFor();

    await tabTo(page, (f) => f.text === 'New space');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'New space' });
    await dialog.waitFor();
    expect(await focused(page)).toMatchObject({ role: 'input' });
    await page.keyboard.type('Handbook');
    await page.keyboard.press('Tab');
    await page.keyboard.type('How we work');
    await page.keyboard.press('Enter');

    await page.waitForURL((url) => url.pathname === '/spaces/handbook');
    await page.getByRole('heading', { name: 'Handbook', level: 1 }).waitFor();
    await page.getByText('How we work').waitFor();
    await sidebar.getByText('No pages yet').waitFor();

    await tabTo(page, (f) => f.label === 'New page in Handbook');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname.startsWith('/handbook/'));
    const parentShortId = shortIdFromUrl(page);
    const parentId = (await readPage(parentShortId)).page.id;
    // A new page starts in its title.
    await expect.poll(async () => (await focused(page)).label, poll).toBe('Page title');
    await page.keyboard.type('Welcome');
    await page.keyboard.press('Enter');
    expect(await focused(page)).toMatchObject({ label: 'Page content' });
    await page.keyboard.type('Hello team');

    const tree = sidebar.getByRole('tree', { name: 'Pages in Handbook' });
    const welcome = tree.getByRole('treeitem', { name: 'Welcome' });
    await welcome.waitFor();
    expect(await welcome.getAttribute('aria-selected')).toBe('true');
    await expect.poll(async () => (await readPage(parentId)).page.title, poll).toBe('Welcome');
    await expect.poll(async () => (await readPage(parentId)).markdown, poll).toBe('Hello team\n');

    await tabTo(page, (f) => f.text === 'Add subpage');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => !url.pathname.endsWith(parentShortId));
    const childId = (await readPage(shortIdFromUrl(page))).page.id;
    await expect.poll(async () => (await focused(page)).label, poll).toBe('Page title');
    await page.keyboard.type('Onboarding');
    const child = tree.getByRole('treeitem', { name: 'Onboarding' });
    await child.waitFor();
    expect(await child.getAttribute('aria-level')).toBe('2');
    expect(await welcome.getAttribute('aria-expanded')).toBe('true');
    expect((await readPage(childId)).page.parentId).toBe(parentId);

    // The tree is one tab stop; arrows move, close and open, Enter follows.
    await child.focus();
    await page.keyboard.press('ArrowUp');
    expect(await focused(page)).toMatchObject({ role: 'treeitem', text: 'Welcome' });
    await page.keyboard.press('ArrowLeft');
    expect(await welcome.getAttribute('aria-expanded')).toBe('false');
    expect(await child.count()).toBe(0);
    await page.keyboard.press('ArrowRight');
    expect(await welcome.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('ArrowRight');
    expect(await focused(page)).toMatchObject({ role: 'treeitem', text: 'Onboarding' });
    await page.keyboard.press('ArrowLeft');
    expect(await focused(page)).toMatchObject({ role: 'treeitem', text: 'Welcome' });
    await page.keyboard.press('Enter');
    const parentUrl = (await readPage(parentId)).page.url;
    expect(parentUrl).toBe(`/handbook/welcome-${parentShortId}`);
    await page.waitForURL((url) => url.pathname === parentUrl);
    await expect.poll(() => page.getByLabel('Page title').inputValue(), poll).toBe('Welcome');
    expect(problems).toEqual([]);
  });

  it('moves a page to the trash after asking, and restores it', async () => {
    const { space } = await adminApi.call<{ space: { id: string } }>('POST', '/api/spaces', {
      name: 'Ops',
    });
    const { page: created } = await adminApi.call<PageAnswer>('POST', '/api/pages', {
      spaceId: space.id,
      title: 'Runbook',
      markdown: 'Restart the thing\n',
    });
    await page.goto(`/pages/${created.id}`);
    await page.locator('.connection-status', { hasText: 'Connected' }).waitFor();

    await page.getByRole('button', { name: 'Move to trash' }).click();
    const dialog = page.getByRole('dialog', { name: 'Move this page to the trash?' });
    await dialog.waitFor();
    // Cancel first: nothing happens.
    await page.keyboard.press('Escape');
    expect(await dialog.count()).toBe(0);
    expect((await readPage(created.id)).page.deletedAt).toBeNull();

    await page.getByRole('button', { name: 'Move to trash' }).click();
    await dialog.getByRole('button', { name: 'Move to trash' }).click();
    await page.waitForURL((url) => url.pathname === '/spaces/ops');
    await page.getByRole('complementary').getByText('No pages yet').waitFor();
    await expect.poll(async () => (await readPage(created.id)).page.deletedAt, poll).not.toBeNull();

    // A deleted page says so instead of showing an empty editor.
    await page.goto(`/pages/${created.id}`);
    await page
      .getByRole('heading', { name: 'You don’t have access to this page, or it doesn’t exist' })
      .waitFor();

    await page.goto('/spaces/ops');
    await page.getByRole('link', { name: 'Trash' }).click();
    await page.getByRole('heading', { name: 'Trash', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Restore Runbook' }).click();
    await page.getByText('Restored “Runbook”.').waitFor();
    await page
      .getByRole('tree', { name: 'Pages in Ops' })
      .getByRole('treeitem', { name: 'Runbook' })
      .waitFor();
    expect((await readPage(created.id)).page.deletedAt).toBeNull();

    await page.getByRole('link', { name: 'Open it' }).click();
    await page.locator('.page-body', { hasText: 'Restart the thing' }).waitFor();
    expect(problems).toEqual([]);
  });
});
