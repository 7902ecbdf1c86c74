import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { admin, setUpBrowserTests } from './harness';

/** Role and text of the focused element, to follow focus without a mouse. */
function focused(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement;
    return {
      role: element?.getAttribute('role') ?? element?.tagName.toLowerCase() ?? null,
      text: element?.textContent?.trim() ?? '',
      id: element?.id ?? '',
      opensMenu: element?.getAttribute('aria-haspopup') === 'menu',
    };
  });
}

/** Relative luminance of a CSS `rgb(r, g, b)` color. */
function luminance(cssColor: string): number {
  const channels = cssColor
    .match(/\d+(\.\d+)?/g)
    ?.slice(0, 3)
    .map(Number);
  if (!channels || channels.length < 3) throw new Error(`Not an rgb() color: ${cssColor}`);
  const [r, g, b] = channels.map((value) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

describe('the app shell in the browser', () => {
  const harness = setUpBrowserTests();
  let page: Page;
  let problems: string[];

  beforeEach(async () => {
    ({ page, problems } = await harness.open(admin));
  });

  it('runs the user menu with the keyboard alone', async () => {
    const menuButton = page.getByRole('button', { name: admin.displayName });
    for (let presses = 0; presses < 15; presses++) {
      await page.keyboard.press('Tab');
      if ((await focused(page)).opensMenu) break;
    }
    expect(await focused(page)).toMatchObject({ role: 'button', opensMenu: true });
    expect(await menuButton.getAttribute('aria-expanded')).toBe('false');

    await page.keyboard.press('Enter');
    expect(await menuButton.getAttribute('aria-expanded')).toBe('true');
    expect(await focused(page)).toMatchObject({ role: 'menuitem', text: 'Settings' });
    await page.keyboard.press('ArrowDown');
    expect(await focused(page)).toMatchObject({ role: 'menuitem', text: 'Log out' });
    await page.keyboard.press('ArrowDown');
    expect(await focused(page)).toMatchObject({ role: 'menuitem', text: 'Settings' });
    await page.keyboard.press('ArrowUp');
    expect(await focused(page)).toMatchObject({ role: 'menuitem', text: 'Log out' });
    await page.keyboard.press('Home');
    expect(await focused(page)).toMatchObject({ role: 'menuitem', text: 'Settings' });

    await page.keyboard.press('Escape');
    expect(await page.getByRole('menu').count()).toBe(0);
    expect(await focused(page)).toMatchObject({ role: 'button', opensMenu: true });

    await page.keyboard.press('Space');
    expect(await focused(page)).toMatchObject({ role: 'menuitem', text: 'Settings' });
    await page.keyboard.press('Enter');
    await page.waitForURL('**/settings');
    expect(await page.getByRole('menu').count()).toBe(0);
    expect(await focused(page)).toMatchObject({ role: 'button', opensMenu: true });

    await page.keyboard.press('ArrowUp');
    expect(await focused(page)).toMatchObject({ role: 'menuitem', text: 'Log out' });
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/login');
    await page.getByRole('heading', { name: 'Log in' }).waitFor();
    expect(problems).toEqual([]);
  });

  it('focuses search with Ctrl+K and says plainly that nothing was found', async () => {
    await page.keyboard.press('Control+K');
    expect(await focused(page)).toMatchObject({ id: 'header-search' });
    expect(await page.getByRole('search').getByLabel('Search', { exact: true }).count()).toBe(1);

    await page.keyboard.type('onboarding checklist');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/search');
    expect(new URL(page.url()).searchParams.get('q')).toBe('onboarding checklist');
    await page.getByRole('heading', { name: 'Search', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'No results for “onboarding checklist”' }).waitFor();
    expect(problems).toEqual([]);
  });

  it('shows the empty spaces list and a 404 page inside the shell', async () => {
    await page.getByRole('complementary').getByText('No spaces yet').waitFor();
    await page.goto('/no/such/page');
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    await page.getByRole('button', { name: admin.displayName }).waitFor();
  });

  it('follows the light and dark color scheme', async () => {
    const shots = mkdtempSync(join(tmpdir(), 'lore-e2e-shots-'));
    try {
      const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

      await page.emulateMedia({ colorScheme: 'light' });
      const lightPath = join(shots, 'shell-light.png');
      await page.screenshot({ path: lightPath });
      const light = await background();

      await page.emulateMedia({ colorScheme: 'dark' });
      const darkPath = join(shots, 'shell-dark.png');
      await page.screenshot({ path: darkPath });
      const dark = await background();

      expect(dark).not.toBe(light);
      expect(luminance(light)).toBeGreaterThan(0.8);
      expect(luminance(dark)).toBeLessThan(0.05);
      expect(readFileSync(darkPath).equals(readFileSync(lightPath))).toBe(false);
    } finally {
      rmSync(shots, { recursive: true, force: true });
    }
  });
});
