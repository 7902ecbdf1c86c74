import type { BrowserContext, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  admin,
  bodyText,
  openEditor,
  seedWorkspace,
  setUpBrowserTests,
  type Workspace,
} from './harness';

const poll = { timeout: 20_000, interval: 100 };
const offlineLabel = 'Offline — changes are saved on this device';

describe('editing without a connection', () => {
  const harness = setUpBrowserTests();
  let workspace: Workspace;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];

  const markdown = async () =>
    (await workspace.adminApi.call<{ markdown: string }>('GET', `/api/pages/${workspace.page.id}`))
      .markdown;
  const status = () => page.locator('.connection-status');
  /**
   * Waits until the page's copy on this device holds every change made so far: a transaction on
   * its IndexedDB database starts only after the writes queued before it have finished.
   */
  const savedOnDevice = () =>
    page.evaluate(async (pageId) => {
      const stored = (await indexedDB.databases()).find((db) => db.name?.endsWith(pageId));
      if (!stored?.name) throw new Error('the page has no copy on this device');
      const name = stored.name;
      await new Promise<void>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const transaction = db.transaction(Array.from(db.objectStoreNames), 'readonly');
          transaction.oncomplete = () => {
            db.close();
            resolve();
          };
          transaction.onerror = () => reject(transaction.error);
        };
      });
    }, workspace.page.id);

  beforeEach(async () => {
    workspace = await seedWorkspace(harness.lore, {
      title: 'Field notes',
      markdown: 'Kept offline\n',
    });
    ({ context, page, problems } = await harness.open(admin));
  });

  it('keeps typing while offline and sends the text when the connection returns', async () => {
    await openEditor(page, workspace.page.id);
    await page.locator('.page-body p').first().click();
    await page.keyboard.press('End');

    await context.setOffline(true);
    await expect.poll(() => status().textContent(), poll).toBe(offlineLabel);
    await page.keyboard.type(' and written on a train', { delay: 10 });
    expect(await bodyText(page)).toBe('Kept offline and written on a train');
    // Nothing reached the server while the browser was offline.
    expect(await markdown()).toBe('Kept offline\n');

    await context.setOffline(false);
    await expect.poll(() => status().textContent(), poll).toBe('Connected');
    await expect.poll(markdown, poll).toBe('Kept offline and written on a train\n');
    expect(problems).toEqual([]);
  });

  it('opens a page seen before from this device after a reload while offline', async () => {
    await openEditor(page, workspace.page.id);
    // The app shell is kept by the service worker once it is active.
    expect(
      await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.ready;
        return registration.active?.state;
      }),
    ).toBe('activated');
    await page.locator('.page-body p').first().click();
    await page.keyboard.press('End');
    await page.keyboard.type(' before the tunnel');
    await expect.poll(markdown, poll).toBe('Kept offline before the tunnel\n');
    // The server has it; the reload below must find it on the device too.
    await savedOnDevice();

    await context.setOffline(true);
    const reload = await page.reload();
    expect(reload?.fromServiceWorker()).toBe(true);
    expect(
      await page.evaluate(() =>
        fetch('/api/me').then(
          () => 'online',
          () => 'offline',
        ),
      ),
    ).toBe('offline');

    await expect.poll(() => bodyText(page), poll).toBe('Kept offline before the tunnel');
    expect(await page.getByLabel('Page title').inputValue()).toBe('Field notes');
    await expect.poll(() => status().textContent(), poll).toBe(offlineLabel);

    // It stays editable offline, and what was typed reaches the server afterwards.
    await page.locator('.page-body p').first().click();
    await page.keyboard.press('End');
    await page.keyboard.type(', and after it');
    await context.setOffline(false);
    await expect.poll(() => status().textContent(), poll).toBe('Connected');
    await expect.poll(markdown, poll).toBe('Kept offline before the tunnel, and after it\n');
    expect(problems.filter((problem) => !problem.includes('ERR_INTERNET_DISCONNECTED'))).toEqual(
      [],
    );
  });
});
