import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { admin, logIn, setUpBrowserTests } from './harness';

const grace = {
  email: 'grace@example.com',
  password: 'a compiler of one',
  displayName: 'Grace Hopper',
};

describe('the audit log in the browser', () => {
  const harness = setUpBrowserTests();
  let page: Page;
  let problems: string[];

  beforeEach(async () => {
    ({ page, problems } = await harness.open());
  });

  it('shows an admin their own sign-in and a role change, and keeps members out', async () => {
    await logIn(page, admin);
    await page.goto('/settings#users');
    const form = page.getByRole('form', { name: 'Add a user' });
    await form.getByLabel('Email').fill(grace.email);
    await form.getByLabel('Display name').fill(grace.displayName);
    await form.getByLabel('Initial password').fill(grace.password);
    await form.getByLabel('Role').selectOption('guest');
    await form.getByRole('button', { name: 'Add user' }).click();
    await page.getByRole('cell', { name: grace.email }).waitFor();
    await Promise.all([
      page.waitForResponse(
        (response) =>
          response.url().includes('/api/users/') && response.request().method() === 'PATCH',
      ),
      page.getByLabel(`Role of ${grace.displayName}`).selectOption('member'),
    ]);

    // From the users section to the audit log.
    await page.getByRole('link', { name: 'audit log' }).click();
    await page.waitForURL('**/admin/audit');
    await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor();
    const table = page.getByRole('table', { name: 'Audit log, newest first' });
    const roleRow = table.getByRole('row').filter({ hasText: 'Role changed: Guest → Member' });
    await roleRow.waitFor();
    expect(await roleRow.textContent()).toContain(admin.displayName);
    expect(await roleRow.textContent()).toContain(`${grace.displayName} (${grace.email})`);
    expect(await roleRow.textContent()).toMatch(/127\.0\.0\.1/);
    const signIn = table
      .getByRole('row')
      .filter({ hasText: 'Signed in' })
      .filter({ hasText: admin.email });
    expect(await signIn.count()).toBeGreaterThan(0);

    // Filtering by kind of action, with the keyboard.
    await page.getByLabel('Action').focus();
    await page.getByLabel('Action').selectOption('sign-in');
    await page.waitForURL('**/admin/audit?kind=sign-in');
    await table.getByRole('row').filter({ hasText: 'Signed in' }).first().waitFor();
    expect(await table.getByRole('row').filter({ hasText: 'Role changed' }).count()).toBe(0);
    // Text that matches nothing: a clear empty state.
    await page.getByLabel('Text').fill('no such person anywhere');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Nothing matches these filters' }).waitFor();

    const exportLink = page.getByRole('link', { name: 'CSV' });
    expect(await exportLink.getAttribute('href')).toMatch(
      /^\/api\/admin\/audit\/export\?.*format=csv/,
    );

    // A member gets no access: not the page, not the API.
    const { page: gracePage, problems: graceProblems } = await harness.open(grace);
    await gracePage.goto('/admin/audit');
    await gracePage
      .getByRole('heading', { name: 'Only administrators can see the audit log' })
      .waitFor();
    const status = await gracePage.evaluate(async () => (await fetch('/api/admin/audit')).status);
    expect(status).toBe(403);
    expect(graceProblems).toEqual([]);
    expect(problems).toEqual([]);
  });
});
