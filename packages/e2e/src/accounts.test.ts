import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { admin, logIn, seedAdmin, setUpBrowserTests } from './harness';

describe('accounts in the browser', () => {
  const harness = setUpBrowserTests({ seedAdmin: false });
  let page: Page;
  let problems: string[];

  beforeEach(async () => {
    ({ page, problems } = await harness.open());
  });

  it('leads a fresh server through first-admin setup, then logout and login', async () => {
    await page.goto('/settings');
    await page.waitForURL('**/setup');
    // Without the setup code nobody can take over a fresh server.
    await page.getByLabel('Setup code').fill('WRONG-CODE');
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Display name').fill(admin.displayName);
    await page.getByLabel('Password', { exact: true }).fill(admin.password);
    await page.getByLabel('Confirm password').fill(admin.password);
    await page.getByRole('button', { name: 'Create administrator' }).click();
    await page.locator('[aria-live]', { hasText: /setup code is missing or wrong/ }).waitFor();
    await page.getByLabel('Setup code').fill(harness.lore.setupCode() ?? '');
    await page.getByRole('button', { name: 'Create administrator' }).click();

    const menuButton = page.getByRole('button', { name: admin.displayName });
    await menuButton.waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Welcome, Ada');

    await menuButton.click();
    await page.getByRole('menuitem', { name: 'Log out' }).click();
    await page.waitForURL('**/login');
    expect(await page.getByRole('button', { name: admin.displayName }).count()).toBe(0);
    const me = await page.evaluate(async () => (await fetch('/api/me')).status);
    expect(me).toBe(401);

    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password').fill(admin.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await menuButton.waitFor();
    expect(new URL(page.url()).pathname).toBe('/');

    // Setup is done once: the setup page now sends signed-in users home.
    await page.goto('/setup');
    await page.waitForURL((url) => url.pathname === '/');
    await menuButton.waitFor();

    expect(problems).toEqual([]);
  });

  it("shows the server's message for a wrong password, then the rate limit", async () => {
    await seedAdmin(harness.lore);
    await page.goto('/login');
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password').fill('not the password');
    const [answer] = await Promise.all([
      page.waitForResponse((response) => response.url().endsWith('/api/auth/login')),
      page.getByRole('button', { name: 'Log in' }).click(),
    ]);
    expect(answer.status()).toBe(401);
    const { error } = (await answer.json()) as { error: { message: string } };
    expect(error.message.length).toBeGreaterThan(0);

    await page.locator('[aria-live]', { hasText: error.message }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');

    // Use up the attempts for this account, then the page must say how long to wait.
    let status = 0;
    for (let attempt = 0; attempt < 30 && status !== 429; attempt++) {
      const response = await harness.lore.api('POST', '/api/auth/login', {
        email: admin.email,
        password: 'still not the password',
      });
      status = response.status;
    }
    expect(status).toBe(429);
    await page.getByRole('button', { name: 'Log in' }).click();
    const limited = page.locator('[aria-live]', {
      hasText: /Too many attempts, try again in \d+ s/,
    });
    await limited.waitFor();
  });

  it('creates and revokes an API token, and lets an admin add a user', async () => {
    await seedAdmin(harness.lore);
    await logIn(page, admin);
    await page.goto('/settings');
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();

    await page.getByLabel('Token name').fill('Deploy script');
    await page.getByRole('button', { name: 'Create token' }).click();
    await page.getByRole('heading', { name: 'Token “Deploy script” created' }).waitFor();
    const token = await page.getByLabel('Token value').inputValue();
    expect(token.length).toBeGreaterThan(16);
    const withToken = () =>
      fetch(`${harness.lore.url}/api/me`, { headers: { authorization: `Bearer ${token}` } });
    expect((await withToken()).status).toBe(200);

    await page.getByRole('button', { name: 'Done' }).click();
    expect(await page.getByLabel('Token value').count()).toBe(0);
    await page.getByRole('button', { name: 'Revoke token Deploy script' }).click();
    await page.getByRole('button', { name: 'Confirm: revoke token Deploy script' }).click();
    await page.getByText('You have no API tokens yet.').waitFor();
    expect((await withToken()).status).toBe(401);

    const grace = {
      email: 'grace@example.com',
      password: 'a compiler of one',
      displayName: 'Grace Hopper',
    };
    const form = page.getByRole('form', { name: 'Add a user' });
    await form.getByLabel('Email').fill(grace.email);
    await form.getByLabel('Display name').fill(grace.displayName);
    await form.getByLabel('Initial password').fill(grace.password);
    await form.getByLabel('Role').selectOption('member');
    await form.getByRole('button', { name: 'Add user' }).click();
    await page.getByText(`Added ${grace.displayName} (${grace.email}).`).waitFor();
    await page.getByRole('cell', { name: grace.email }).waitFor();

    const { page: gracePage } = await harness.open(grace);
    await gracePage.goto('/settings');
    await gracePage.getByRole('heading', { name: 'API tokens' }).waitFor();
    expect(await gracePage.getByRole('heading', { name: 'Users' }).count()).toBe(0);
  });

  it('invites someone who joins and signs in, then disables them so they cannot sign in', async () => {
    await seedAdmin(harness.lore);
    await logIn(page, admin);
    await page.goto('/settings#users');
    const invite = page.getByRole('form', { name: 'Invite someone' });
    await invite.getByLabel('Email to invite').fill('linus@example.com');
    await invite.getByLabel('Invited role').selectOption('member');
    await invite.getByRole('button', { name: 'Create invite link' }).click();
    await page.getByRole('heading', { name: 'Invite for linus@example.com created' }).waitFor();
    const link = await page.getByLabel('Link', { exact: true }).inputValue();
    expect(link).toMatch(/\/invite\/lore_inv_/);

    const linus = {
      email: 'linus@example.com',
      password: 'a kernel of truth',
      displayName: 'Linus',
    };
    const { page: guestPage, problems: guestProblems } = await harness.open();
    await guestPage.goto(new URL(link).pathname);
    await guestPage.getByText('You are invited as').waitFor();
    await guestPage.getByLabel('Display name').fill(linus.displayName);
    await guestPage.getByLabel('Password', { exact: true }).fill(linus.password);
    await guestPage.getByLabel('Confirm password').fill(linus.password);
    await guestPage.getByRole('button', { name: 'Create my account' }).click();
    await guestPage.getByRole('button', { name: linus.displayName }).waitFor();

    // A second visit to the same link is refused.
    const { page: lateVisitor } = await harness.open();
    await lateVisitor.goto(new URL(link).pathname);
    await lateVisitor.getByText('This invite link was already used.').waitFor();

    // Signing in works with the chosen password.
    const { page: fresh } = await harness.open();
    await logIn(fresh, linus);

    await page.reload();
    await page.getByRole('cell', { name: linus.email }).waitFor();
    await page.getByRole('button', { name: `Disable ${linus.displayName}` }).click();
    await page.getByRole('button', { name: `Enable ${linus.displayName}` }).waitFor();

    // Their open session stops working, and signing in again is refused.
    const me = await fresh.evaluate(async () => (await fetch('/api/me')).status);
    expect(me).toBe(401);
    await fresh.goto('/login');
    await fresh.getByLabel('Email').fill(linus.email);
    await fresh.getByLabel('Password').fill(linus.password);
    await fresh.getByRole('button', { name: 'Log in' }).click();
    await fresh
      .locator('[aria-live]', { hasText: 'The email or password is not correct.' })
      .waitFor();
    expect(guestProblems).toEqual([]);
    expect(problems).toEqual([]);
  });
  it('creates a read-only API token that expires, and lists its scope and expiry', async () => {
    await seedAdmin(harness.lore);
    await logIn(page, admin);
    await page.goto('/settings#tokens');
    const form = page.getByRole('form', { name: 'New API token' });
    await form.getByLabel('Token name').fill('Dashboard');
    await form.getByLabel('Scope').selectOption({ label: 'Read only' });
    await form.getByText('the token reads what you can read and changes nothing').waitFor();
    await form.getByLabel('Expires').selectOption({ label: 'In 30 days' });
    await form.getByRole('button', { name: 'Create token' }).click();
    const token = await page.getByLabel('Token value').inputValue();

    const row = page.getByRole('row').filter({ hasText: 'Dashboard' });
    await row.getByText('Read only').waitFor();
    const expires = await row.locator('time').getAttribute('datetime');
    const days = (Date.parse(expires ?? '') - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThan(30.1);

    // The scope holds on the server: the token reads, but cannot write.
    const call = (path: string, init: RequestInit = {}) =>
      fetch(`${harness.lore.url}${path}`, {
        ...init,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      });
    expect((await call('/api/spaces')).status).toBe(200);
    const write = await call('/api/spaces', { method: 'POST', body: '{"name":"Nope"}' });
    expect(write.status).toBe(403);
  });
});
