import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  type ApiSession,
  admin,
  bodyText,
  type Credentials,
  member,
  openEditor,
  setUpBrowserTests,
  signInApi,
} from './harness';

/** A workspace member who is given nothing in private spaces. */
const outsider: Credentials = {
  email: 'linus@example.com',
  password: 'just for fun, really',
  displayName: 'Linus Outsider',
};

/** A guest account, who can be an editor of a space at most. */
const visitor: Credentials = {
  email: 'vera@example.com',
  password: 'only here for a while',
  displayName: 'Vera Visitor',
};

const poll = { timeout: 15_000, interval: 100 };

interface Member {
  kind: 'user' | 'group';
  id: string;
  name: string;
  role: string;
}

describe('access control in the browser', () => {
  const harness = setUpBrowserTests();
  let adminApi: ApiSession;
  let ids: Record<'grace' | 'linus' | 'vera', string>;

  const members = async (space: string) =>
    (await adminApi.call<{ members: Member[] }>('GET', `/api/spaces/${space}/members`)).members;

  beforeEach(async () => {
    adminApi = await signInApi(harness.lore, admin);
    const create = async (who: Credentials, role: string) =>
      (await adminApi.call<{ user: { id: string } }>('POST', '/api/users', { ...who, role })).user
        .id;
    ids = {
      grace: await create(member, 'member'),
      linus: await create(outsider, 'member'),
      vera: await create(visitor, 'guest'),
    };
  });

  /** Waits until the API's search for `query` finds `count` pages as the admin. */
  async function waitUntilSearchable(query: string, count: number) {
    await expect
      .poll(
        async () =>
          (
            await adminApi.call<{ total: number }>(
              'GET',
              `/api/search?q=${encodeURIComponent(query)}&record=false`,
            )
          ).total,
        poll,
      )
      .toBe(count);
  }

  async function expectNoAccessPage(page: Page, hiddenTitle: string) {
    await page
      .getByRole('heading', { level: 1, name: /You don’t have access to this page/ })
      .waitFor();
    // Whom to ask: the workspace admin, by name.
    await page.getByText(admin.displayName, { exact: true }).waitFor();
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain('private space');
    expect(text).toContain('moved to the trash');
    expect(text).not.toContain(hiddenTitle);
    expect(await page.title()).not.toContain(hiddenTitle);
  }

  it('a private space: the member sees and edits it, the non-member finds nothing and gets the no-access page', async () => {
    const { space } = await adminApi.call<{ space: { id: string; slug: string } }>(
      'POST',
      '/api/spaces',
      { name: 'People Ops', visibility: 'private' },
    );
    await adminApi.call('PUT', `/api/spaces/${space.id}/members/users/${ids.grace}`, {
      role: 'editor',
    });
    const { page: salaries } = await adminApi.call<{ page: { id: string; url: string } }>(
      'POST',
      '/api/pages',
      { spaceId: space.id, title: 'Salary bands', markdown: 'Quarterly zeppelin review.' },
    );
    await waitUntilSearchable('zeppelin', 1);

    const linus = await harness.open(outsider);
    const sidebar = linus.page.getByRole('complementary');
    await sidebar.getByRole('heading', { name: 'Spaces' }).waitFor();
    await sidebar.getByText('No spaces yet').waitFor();
    expect(await sidebar.getByText('People Ops').count()).toBe(0);
    await linus.page.goto('/search?q=zeppelin');
    await linus.page.getByRole('heading', { name: 'No results for “zeppelin”' }).waitFor();
    await linus.page.goto(salaries.url);
    await expectNoAccessPage(linus.page, 'Salary bands');
    await linus.page.goto(`/spaces/${space.slug}`);
    await linus.page
      .getByRole('heading', { level: 1, name: /You don’t have access to this space/ })
      .waitFor();

    const grace = await harness.open(member);
    await grace.page.getByRole('complementary').getByText('People Ops').waitFor();
    await openEditor(grace.page, salaries.id);
    expect(await grace.page.getByText('You can read this page').count()).toBe(0);
    await grace.page.locator('.page-body p').first().click();
    await grace.page.keyboard.press('End');
    await grace.page.keyboard.type(' Approved.');
    expect(await bodyText(grace.page)).toContain('Quarterly zeppelin review. Approved.');
    await expect
      .poll(
        async () =>
          (await adminApi.call<{ markdown: string }>('GET', `/api/pages/${salaries.id}`)).markdown,
        poll,
      )
      .toContain('Approved.');

    // A viewer reads the page with a banner saying whom to ask to edit it.
    await adminApi.call('PUT', `/api/spaces/${space.id}/members/users/${ids.linus}`, {
      role: 'viewer',
    });
    await openEditor(linus.page, salaries.id);
    await linus.page.getByRole('status').filter({ hasText: 'You can read this page' }).waitFor();
    expect(
      await linus.page
        .getByRole('status')
        .filter({ hasText: 'You can read this page' })
        .textContent(),
    ).toContain(`ask ${admin.displayName} to edit it`);

    expect(linus.problems).toEqual([]);
    expect(grace.problems).toEqual([]);
  });

  it('space settings: visibility, adding people with the picker and changing a role', async () => {
    const { page, problems } = await harness.open(admin);
    // Creating a space lets you choose private at once.
    await page.getByRole('button', { name: 'New space' }).click();
    const dialog = page.getByRole('dialog', { name: 'New space' });
    await dialog.getByLabel('Name').fill('Research');
    await dialog.getByRole('radio', { name: /Open/ }).check();
    await dialog.getByRole('button', { name: 'Create space' }).click();
    await page.getByRole('heading', { level: 1, name: 'Research' }).waitFor();
    await page.getByRole('link', { name: 'Settings and members' }).click();
    await page.getByRole('heading', { level: 1, name: 'Space settings' }).waitFor();

    const settings = page.getByRole('form', { name: 'Space settings' });
    expect(await settings.getByRole('radio', { name: /Open/ }).isChecked()).toBe(true);
    await settings.getByRole('radio', { name: /Private/ }).check();
    await settings.getByText('everyone else loses access at once').waitFor();
    await settings.getByRole('button', { name: 'Save changes' }).click();
    await settings.getByText('Saved.').waitFor();
    const { space } = await adminApi.call<{ space: { id: string; visibility: string } }>(
      'GET',
      '/api/spaces/research',
    );
    expect(space.visibility).toBe('private');

    // Add Grace as a viewer by typing part of her name and choosing with the keyboard.
    const add = page.getByRole('form', { name: 'Add a member' });
    await add.getByRole('combobox', { name: 'Person or group' }).fill('gra');
    await page.getByRole('option', { name: /Grace Hopper/ }).waitFor();
    await page.keyboard.press('Enter');
    await add.getByLabel('Role').selectOption('viewer');
    await add.getByRole('button', { name: 'Add member' }).click();
    const roleOfGrace = page.getByLabel('Role of Grace Hopper');
    await roleOfGrace.waitFor();
    expect(await roleOfGrace.inputValue()).toBe('viewer');

    await roleOfGrace.selectOption('editor');
    await expect
      .poll(async () => (await members(space.id)).find((m) => m.id === ids.grace)?.role, poll)
      .toBe('editor');

    // A guest cannot be a space admin: the option is there but disabled.
    await add.getByRole('combobox', { name: 'Person or group' }).fill('Vera');
    await page.getByRole('option', { name: /Vera Visitor/ }).click();
    const adminOption = add.getByLabel('Role').locator('option[value="admin"]');
    expect(await adminOption.isDisabled()).toBe(true);
    expect(await adminOption.textContent()).toContain('guests can be editors at most');

    // Removing asks once more.
    await page.getByRole('button', { name: 'Remove Grace Hopper from the space' }).click();
    await page.getByRole('button', { name: 'Confirm: remove Grace Hopper' }).click();
    await expect
      .poll(async () => (await members(space.id)).map((m) => m.name), poll)
      .toEqual([admin.displayName]);
    await roleOfGrace.waitFor({ state: 'detached' });

    // Grace can no longer see the private space at all.
    const grace = await harness.open(member);
    await grace.page.goto('/spaces/research/settings');
    await grace.page
      .getByRole('heading', { level: 1, name: /You don’t have access to this space/ })
      .waitFor();

    expect(problems).toEqual([]);
  });

  it('groups: created on the groups page, filled, and given a role in a space', async () => {
    await adminApi.call('POST', '/api/spaces', { name: 'Ledger', visibility: 'private' });
    const { page, problems } = await harness.open(admin);
    await page.goto('/admin/groups');
    await page.getByText('No groups yet').waitFor();
    await page.getByLabel('Group name').fill('Finance');
    await page.getByRole('button', { name: 'Create group' }).click();
    await page.getByRole('heading', { level: 3, name: 'Finance' }).waitFor();

    // The new group opens on its members: add Grace.
    await page.getByRole('combobox', { name: 'Add a person to Finance' }).fill('grace');
    await page.getByRole('option', { name: /Grace Hopper/ }).click();
    await page
      .getByRole('list', { name: 'Members of Finance' })
      .getByText('Grace Hopper')
      .waitFor();
    const { groups } = await adminApi.call<{ groups: { id: string; name: string }[] }>(
      'GET',
      '/api/groups',
    );
    const finance = groups.find((group) => group.name === 'Finance');
    expect(finance).toBeDefined();
    const detail = await adminApi.call<{ members: { id: string }[] }>(
      'GET',
      `/api/groups/${finance?.id}`,
    );
    expect(detail.members.map((m) => m.id)).toEqual([ids.grace]);

    await page.goto('/spaces/ledger/settings');
    const add = page.getByRole('form', { name: 'Add a member' });
    await add.getByRole('combobox', { name: 'Person or group' }).fill('Fin');
    await page.getByRole('option', { name: /Finance/ }).click();
    await add.getByLabel('Role').selectOption('commenter');
    await add.getByRole('button', { name: 'Add member' }).click();
    await page.getByLabel('Role of Finance').waitFor();
    // The creator of a space is its admin; the group comes first.
    expect(await members('ledger')).toEqual([
      { kind: 'group', id: finance?.id, name: 'Finance', role: 'commenter' },
      expect.objectContaining({ kind: 'user', name: admin.displayName, role: 'admin' }),
    ]);

    // Grace now sees the private space through the group.
    const grace = await harness.open(member);
    await grace.page.getByRole('complementary').getByText('Ledger').waitFor();

    // Deleting the group names the spaces it grants.
    await page.goto('/admin/groups');
    await page.getByRole('button', { name: 'Delete Finance' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete the group Finance?' });
    await confirm.getByRole('link', { name: 'Ledger' }).waitFor();
    expect(await confirm.textContent()).toContain('Commenter');
    await confirm.getByRole('button', { name: 'Delete group' }).click();
    await page.getByText('No groups yet').waitFor();
    expect((await members('ledger')).map((m) => m.kind)).toEqual(['user']);

    expect(problems).toEqual([]);
  });

  it('a page restricted in the Share dialog disappears for a member not on the list', async () => {
    const { space } = await adminApi.call<{ space: { id: string } }>('POST', '/api/spaces', {
      name: 'Company',
    });
    const { page: plan } = await adminApi.call<{ page: { id: string; url: string } }>(
      'POST',
      '/api/pages',
      { spaceId: space.id, title: 'Reorg plan', markdown: 'Draft.' },
    );

    const linus = await harness.open(outsider);
    await linus.page.getByRole('complementary').getByText('Reorg plan').waitFor();

    const { page, problems } = await harness.open(admin);
    await openEditor(page, plan.id);
    // The keyboard shortcut opens the dialog too.
    await page.keyboard.press('Alt+Shift+S');
    const dialog = page.getByRole('dialog', { name: 'Share “Reorg plan”' });
    await dialog.waitFor();
    await dialog.getByText('Company is open').waitFor();
    await dialog.getByText('This page has no public links.').waitFor();

    const view = dialog.getByRole('group', { name: 'Who can view' });
    await view.getByRole('radio', { name: /Only these people and groups/ }).check();
    await view.getByText('Nobody is on this list').waitFor();
    await view.getByRole('combobox', { name: 'Add to “Who can view”' }).fill('grace');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await view.getByRole('list', { name: 'Who can view' }).getByText('Grace Hopper').waitFor();
    await dialog.getByRole('button', { name: 'Save restrictions' }).click();
    await dialog.getByText('Restrictions saved.').waitFor();
    const restrictions = await adminApi.call<{ view: { users: string[] } | null }>(
      'GET',
      `/api/pages/${plan.id}/restrictions`,
    );
    expect(restrictions.view?.users).toEqual([ids.grace]);

    // Escape closes the dialog and gives the focus back to the page.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    await linus.page.reload();
    await linus.page.getByRole('complementary').getByText('Company').waitFor();
    expect(await linus.page.getByRole('complementary').getByText('Reorg plan').count()).toBe(0);
    await linus.page.goto(plan.url);
    await expectNoAccessPage(linus.page, 'Reorg plan');

    const grace = await harness.open(member);
    await openEditor(grace.page, plan.id);
    expect(await bodyText(grace.page)).toContain('Draft.');

    expect(problems).toEqual([]);
    expect(linus.problems).toEqual([]);
  });

  it('the Share dialog makes a public link that opens without signing in, and stops when revoked', async () => {
    const { space } = await adminApi.call<{ space: { id: string } }>('POST', '/api/spaces', {
      name: 'Support',
      visibility: 'private',
    });
    const { page: guide } = await adminApi.call<{ page: { id: string } }>('POST', '/api/pages', {
      spaceId: space.id,
      title: 'Customer setup guide',
      markdown: 'Install the agent, then sign in.',
    });
    await adminApi.call('POST', '/api/pages', {
      spaceId: space.id,
      parentId: guide.id,
      title: 'Troubleshooting',
      markdown: 'Restart the agent.',
    });

    const { page, problems } = await harness.open(admin, {
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    await openEditor(page, guide.id);
    await page.getByRole('button', { name: /^Share/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Share “Customer setup guide”' });
    await dialog.waitFor();
    await dialog.getByText('This page has no public links.').waitFor();
    await dialog.getByLabel('Include subpages').check();
    await dialog.getByRole('button', { name: 'Create public link' }).click();
    const address = dialog.getByRole('textbox', { name: 'New public link' });
    await address.waitFor();
    const url = await address.inputValue();
    expect(url).toMatch(/\/s\/[A-Za-z0-9_-]{30,}$/);
    await dialog.getByRole('button', { name: /Copy/ }).first().click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);

    // A fresh browser, signed in as nobody: the page and its subpage, nothing else.
    const stranger = await harness.open();
    const response = await stranger.page.goto(url);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("default-src 'none'");
    await stranger.page.getByRole('heading', { name: 'Customer setup guide' }).first().waitFor();
    expect(await stranger.page.locator('body').textContent()).toContain('Install the agent');
    await stranger.page.getByRole('link', { name: 'Troubleshooting' }).click();
    await stranger.page.getByText('Restart the agent.').waitFor();
    expect(await stranger.page.locator('script').count()).toBe(0);

    // Revoked in the dialog: the same address is gone at once.
    await dialog.locator('.share-created').getByRole('button', { name: 'Done' }).click();
    await dialog.getByRole('button', { name: /^Revoke the public link/ }).click();
    await dialog.getByRole('button', { name: 'Confirm: revoke link' }).click();
    await dialog.getByText('This page has no public links.').waitFor();
    const gone = await stranger.page.goto(url);
    expect(gone?.status()).toBe(404);
    expect(await stranger.page.locator('body').textContent()).not.toContain('Customer setup guide');
    expect(problems).toEqual([]);
  });
});
