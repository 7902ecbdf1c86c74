import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { launchChromium } from './launchChromium';
import { logIn } from './logIn';
import { type Credentials, seedAdmin } from './seedAdmin';
import { type RunningLore, startLore } from './startLore';
import { watchPageProblems } from './watchPageProblems';

/** One person at the browser: their own cookies and storage, one tab, and what went wrong in it. */
export interface BrowserPerson {
  context: BrowserContext;
  page: Page;
  /** Uncaught exceptions and console errors in the tab so far, as `watchPageProblems` collects them. */
  problems: string[];
}

export interface BrowserTestOptions {
  /**
   * `'test'` (the default): a fresh server with empty data for every test. `'file'`: one server
   * for all the tests of the `describe`, for files whose set-up is slow and which only read.
   */
  serverPer?: 'test' | 'file';
  /** Creates the first admin as soon as the server is up; `false` leaves it at the setup page. */
  seedAdmin?: boolean;
  /** More environment for the server, made just before it starts (e.g. a provider to trust). */
  env?: () => Promise<Record<string, string>>;
}

export interface BrowserTests {
  /** The server the current test runs against. */
  readonly lore: RunningLore;
  /**
   * Opens a new browser context and tab on the server, watched for problems and, given `who`,
   * logged in. `permissions` (e.g. `clipboard-read`) are granted for the server's origin first.
   * Everything opened is closed after the test.
   */
  open(who?: Credentials, options?: { permissions?: string[] }): Promise<BrowserPerson>;
}

/**
 * Registers the hooks every browser test file needs, inside the current `describe`: Chromium
 * once for the file, a running server (see `serverPer`) with the admin seeded, and after each
 * test every opened context closed. Hooks the file adds afterwards run after these, so they can
 * seed data on `lore` and open people with `open`.
 */
export function setUpBrowserTests({
  serverPer = 'test',
  seedAdmin: withAdmin = true,
  env,
}: BrowserTestOptions = {}): BrowserTests {
  let browser: Browser | undefined;
  let lore: RunningLore | undefined;
  const contexts: BrowserContext[] = [];

  async function start(): Promise<void> {
    lore = await startLore(env ? await env() : {});
    if (withAdmin) await seedAdmin(lore);
  }

  async function stop(): Promise<void> {
    await lore?.close();
    lore = undefined;
  }

  beforeAll(async () => {
    browser = await launchChromium(process.env);
    if (serverPer === 'file') await start();
  });

  afterAll(async () => {
    if (serverPer === 'file') await stop();
    await browser?.close();
  });

  beforeEach(async () => {
    if (serverPer === 'test') await start();
  });

  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
    if (serverPer === 'test') await stop();
  });

  function running(): { browser: Browser; lore: RunningLore } {
    if (!browser || !lore) throw new Error('The browser and server run only inside a test.');
    return { browser, lore };
  }

  return {
    get lore() {
      return running().lore;
    },
    async open(who, { permissions } = {}) {
      const { browser, lore } = running();
      const context = await browser.newContext({ baseURL: lore.url });
      contexts.push(context);
      if (permissions) await context.grantPermissions(permissions, { origin: lore.url });
      const page = await context.newPage();
      const problems = watchPageProblems(page);
      if (who) await logIn(page, who);
      return { context, page, problems };
    },
  };
}
