import type { Page } from 'playwright-core';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { setUpBrowserTests } from './harness';
import {
  freeLoopbackPort,
  type RunningOidcProvider,
  startOidcProvider,
} from './harness/startOidcProvider';

describe('single sign-on in the browser', () => {
  let provider: RunningOidcProvider | undefined;
  const harness = setUpBrowserTests({
    env: async () => {
      const port = await freeLoopbackPort();
      await provider?.close();
      provider = await startOidcProvider(`http://127.0.0.1:${port}`);
      return { PORT: String(port), ...provider.loreEnv };
    },
  });
  let page: Page;

  beforeEach(async () => {
    ({ page } = await harness.open());
  });

  afterAll(async () => {
    await provider?.close();
  });

  it('signs in through the provider’s own login page and comes back signed in', async () => {
    await page.goto('/login');
    const button = page.getByRole('link', { name: 'Sign in with Example ID' });
    await button.waitFor();
    await button.click();

    // The provider's own login form, then its consent page.
    await page.waitForURL(`${provider?.issuer}/**`);
    await page.locator('input[name="login"]').fill('grace');
    await page.locator('input[name="password"]').fill('anything');
    await page.locator('button[type="submit"]').click();
    await page.locator('button[type="submit"]', { hasText: /continue/i }).click();

    await page.waitForURL(`${harness.lore.url}/`);
    const me = await page.evaluate(async () => (await fetch('/api/me')).json());
    expect(me.user).toMatchObject({ email: 'grace@example.com', displayName: 'Grace Provider' });

    // Signing out of Lore also signs out at the provider, which sends the browser back.
    await page.getByRole('button', { name: 'Grace Provider' }).click();
    await page.getByRole('menuitem', { name: 'Log out' }).click();
    await page.waitForURL(`${provider?.issuer}/**`);
    await page.locator('button[type="submit"]', { hasText: /yes/i }).click();
    await page.waitForURL(`${harness.lore.url}/login`);
    expect(await page.evaluate(async () => (await fetch('/api/me')).status)).toBe(401);
  });
});
