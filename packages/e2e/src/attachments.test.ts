import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  admin,
  type BrowserPerson,
  type Credentials,
  member,
  openEditor,
  seedWorkspace,
  setUpBrowserTests,
  type Workspace,
} from './harness';

const poll = { timeout: 15_000, interval: 100 };

/** A 2×2 PNG, small enough to build in the page from its bytes. */
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAYAAABytg0kAAAAEklEQVR42mP8z8DwnwEIGGEMAC8wA/1ixsHEAAAAAElFTkSuQmCC',
  'base64',
);

type Gesture = 'paste' | 'drop';

/**
 * Hands files to the editor the way the browser does for a paste or a drop: a real
 * DataTransfer holding File objects made from the given bytes, dispatched on the editable.
 */
async function handFiles(
  page: Page,
  gesture: Gesture,
  files: { name: string; type: string; base64: string }[],
): Promise<void> {
  await page.locator('.page-body').evaluate(
    (body, { gesture, files }) => {
      const data = new DataTransfer();
      for (const file of files) {
        const bytes = Uint8Array.from(atob(file.base64), (char) => char.charCodeAt(0));
        data.items.add(new File([bytes], file.name, { type: file.type }));
      }
      if (gesture === 'paste') {
        body.dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
        );
        return;
      }
      const last = body.lastElementChild ?? body;
      const box = last.getBoundingClientRect();
      body.dispatchEvent(
        new DragEvent('drop', {
          dataTransfer: data,
          clientX: box.right - 2,
          clientY: box.top + box.height / 2,
          bubbles: true,
          cancelable: true,
        }),
      );
    },
    { gesture, files },
  );
}

describe('attachments in the editor', () => {
  const harness = setUpBrowserTests();
  let workspace: Workspace;

  const markdown = async () =>
    (await workspace.adminApi.call<{ markdown: string }>('GET', `/api/pages/${workspace.page.id}`))
      .markdown;

  async function open(who: Credentials): Promise<BrowserPerson> {
    const person = await harness.open(who);
    await openEditor(person.page, workspace.page.id);
    return person;
  }

  beforeEach(async () => {
    workspace = await seedWorkspace(harness.lore, { markdown: 'Screenshots below.\n' });
  });

  it('uploads a pasted image, shows it to everyone, and serves it from the server', async () => {
    const ada = await open(admin);
    const grace = await open(member);
    await ada.page.locator('.page-body p').first().click();
    await ada.page.keyboard.press('End');

    await handFiles(ada.page, 'paste', [
      { name: 'pixel.png', type: 'image/png', base64: png.toString('base64') },
    ]);

    const image = ada.page.locator('.page-body img[src^="/api/attachments/"]');
    await image.waitFor();
    const src = (await image.getAttribute('src')) ?? '';
    expect(src).toMatch(/^\/api\/attachments\/[0-9a-f-]+\/pixel\.png$/);
    await expect
      .poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth), poll)
      .toBe(2);
    expect(await ada.page.locator('.attachment-upload').count()).toBe(0);

    // The server serves exactly the pasted bytes, as an inline PNG.
    const served = await ada.page.request.get(src);
    expect(served.status()).toBe(200);
    expect(served.headers()['content-type']).toBe('image/png');
    expect(served.headers()['content-disposition']).toMatch(/^inline;/);
    expect(Buffer.from(await served.body())).toEqual(png);

    // The other person sees the same image, loaded from the server.
    const seen = grace.page.locator(`.page-body img[src="${src}"]`);
    await seen.waitFor({ timeout: 15_000 });
    await expect
      .poll(() => seen.evaluate((img: HTMLImageElement) => img.naturalWidth), poll)
      .toBe(2);

    await expect.poll(markdown, poll).toContain(`![pixel.png](${src})`);
    expect(ada.problems).toEqual([]);
    expect(grace.problems).toEqual([]);
  });

  it('links a dropped file and explains a refused one where it was dropped', async () => {
    const ada = await open(admin);
    await ada.page.locator('.page-body p').first().click();

    await handFiles(ada.page, 'drop', [
      {
        name: 'notes.txt',
        type: 'text/plain',
        base64: Buffer.from('plain notes').toString('base64'),
      },
    ]);
    const link = ada.page.locator('.page-body a[href^="/api/attachments/"]', {
      hasText: 'notes.txt',
    });
    await link.waitFor();
    const href = (await link.getAttribute('href')) ?? '';
    const served = await ada.page.request.get(href);
    expect(await served.text()).toBe('plain notes');
    expect(served.headers()['content-disposition']).toMatch(/^attachment;/);

    // A program is refused by the server; the placeholder turns into the reason.
    const program = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0]);
    await handFiles(ada.page, 'drop', [
      { name: 'tool', type: 'application/octet-stream', base64: program.toString('base64') },
    ]);
    const alert = ada.page.locator('.attachment-upload[role="alert"]');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Could not upload tool');
    await alert.getByRole('button', { name: 'Dismiss' }).click();
    expect(await alert.count()).toBe(0);

    await expect.poll(markdown, poll).toContain(`[notes.txt](${href})`);
    expect(ada.problems).toEqual([]);
  });
});
