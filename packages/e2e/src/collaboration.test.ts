import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  admin,
  bodyText,
  guest,
  member,
  openEditor,
  seedWorkspace,
  setUpBrowserTests,
  type Workspace,
} from './harness';

interface PageAnswer {
  page: { title: string };
  markdown: string;
}

const poll = { timeout: 15_000, interval: 100 };

describe('editing a page together', () => {
  const harness = setUpBrowserTests();
  let workspace: Workspace;

  const readPage = (id: string) => workspace.adminApi.call<PageAnswer>('GET', `/api/pages/${id}`);

  beforeEach(async () => {
    workspace = await seedWorkspace(harness.lore, { markdown: 'First line\n\nSecond line\n' });
  });

  it('merges two people typing at once, with named carets and both in the presence list', async () => {
    const ada = await harness.open(admin);
    const grace = await harness.open(member);
    await openEditor(ada.page, workspace.page.id);
    await openEditor(grace.page, workspace.page.id);

    await ada.page.locator('.page-body p').nth(0).click();
    await ada.page.keyboard.press('End');
    await grace.page.locator('.page-body p').nth(1).click();
    await grace.page.keyboard.press('End');

    await Promise.all([
      ada.page.keyboard.type(' typed by Ada', { delay: 25 }),
      grace.page.keyboard.type(' typed by Grace', { delay: 25 }),
    ]);

    const expected = 'First line typed by Ada\nSecond line typed by Grace';
    await expect.poll(() => bodyText(ada.page), poll).toBe(expected);
    await expect.poll(() => bodyText(grace.page), poll).toBe(expected);

    // Each sees the other's caret, labelled with the other's name.
    await ada.page
      .locator('.collaboration-carets__label', { hasText: member.displayName })
      .waitFor();
    await grace.page
      .locator('.collaboration-carets__label', { hasText: admin.displayName })
      .waitFor();

    for (const { page } of [ada, grace]) {
      const present = page.getByRole('list', { name: 'On this page' }).getByRole('listitem');
      await expect.poll(() => present.allInnerTexts(), poll).toHaveLength(2);
      const names = (await present.allTextContents()).join(' ');
      expect(names).toContain(admin.displayName);
      expect(names).toContain(member.displayName);
    }

    await expect
      .poll(async () => (await readPage(workspace.page.id)).markdown, poll)
      .toBe('First line typed by Ada\n\nSecond line typed by Grace\n');

    // Undo takes back only your own typing, never the other person's: undo until Ada's words
    // are gone (typing is grouped by pauses, so a busy machine may need several), then more.
    const afterUndo = 'First line\nSecond line typed by Grace';
    for (let i = 0; i < 40 && (await bodyText(ada.page)) !== afterUndo; i++) {
      await ada.page.keyboard.press('Control+z');
    }
    expect(await bodyText(ada.page)).toBe(afterUndo);
    for (let i = 0; i < 3; i++) await ada.page.keyboard.press('Control+z');
    await expect.poll(() => bodyText(grace.page), poll).toBe(afterUndo);
    expect(await bodyText(ada.page)).toBe(afterUndo);
    for (let i = 0; i < 40 && (await bodyText(ada.page)) !== expected; i++) {
      await ada.page.keyboard.press('Control+Shift+z');
    }
    await expect.poll(() => bodyText(grace.page), poll).toBe(expected);

    // Grace leaves: Ada's presence list shrinks to Ada alone.
    await grace.page.goto('/');
    const adaList = ada.page.getByRole('list', { name: 'On this page' }).getByRole('listitem');
    await expect.poll(() => adaList.count(), poll).toBe(1);

    expect(ada.problems).toEqual([]);
    expect(grace.problems).toEqual([]);
  });

  it('shares title edits live, in the sidebar and through the API', async () => {
    const ada = await harness.open(admin);
    const grace = await harness.open(member);
    await openEditor(ada.page, workspace.page.id);
    await openEditor(grace.page, workspace.page.id);

    const adaTitle = ada.page.getByLabel('Page title');
    const graceTitle = grace.page.getByLabel('Page title');
    await expect.poll(() => graceTitle.inputValue(), poll).toBe('Launch plan');

    await adaTitle.click();
    await ada.page.keyboard.press('End');
    await ada.page.keyboard.type(' for Q3', { delay: 20 });
    await expect.poll(() => graceTitle.inputValue(), poll).toBe('Launch plan for Q3');

    // Grace's sidebar follows within a couple of seconds.
    const graceTree = grace.page.getByRole('tree', { name: 'Pages in Engineering' });
    await graceTree
      .getByRole('treeitem', { name: 'Launch plan for Q3' })
      .waitFor({ timeout: 2_500 });

    // Concurrent edits at both ends of the title merge, and Grace's caret stays where it was.
    await graceTitle.click();
    await grace.page.keyboard.press('Home');
    await Promise.all([
      grace.page.keyboard.type('Draft: ', { delay: 20 }),
      ada.page.keyboard.type(' (v2)', { delay: 20 }),
    ]);
    const merged = 'Draft: Launch plan for Q3 (v2)';
    await expect.poll(() => adaTitle.inputValue(), poll).toBe(merged);
    await expect.poll(() => graceTitle.inputValue(), poll).toBe(merged);
    expect(await graceTitle.evaluate((field: HTMLTextAreaElement) => field.selectionStart)).toBe(
      'Draft: '.length,
    );

    await expect
      .poll(async () => (await readPage(workspace.page.id)).page.title, poll)
      .toBe(merged);
    expect(await ada.page.title()).toBe(`${merged} · Lore`);

    // Enter in the title moves on to the body.
    await adaTitle.click();
    await ada.page.keyboard.press('Enter');
    await expect
      .poll(() => ada.page.evaluate(() => document.activeElement?.classList.contains('page-body')))
      .toBe(true);
    expect(ada.problems).toEqual([]);
    expect(grace.problems).toEqual([]);
  });

  it('tells people on a page that it was deleted, and sends an expired session to login', async () => {
    const grace = await harness.open(member);
    await openEditor(grace.page, workspace.page.id);
    await workspace.adminApi.call('DELETE', `/api/pages/${workspace.page.id}`);
    await grace.page
      .getByRole('heading', { name: 'You don’t have access to this page, or it doesn’t exist' })
      .waitFor();
    // The copy kept on the device is gone too.
    await expect
      .poll(
        () =>
          grace.page.evaluate(async () =>
            (await indexedDB.databases()).map((database) => database.name),
          ),
        poll,
      )
      .not.toContain(`lore-page-${workspace.page.id}`);

    await workspace.adminApi.call('POST', `/api/pages/${workspace.page.id}/restore`);
    await openEditor(grace.page, workspace.page.id);
    // The session ends (cookie gone): the reconnecting socket is refused with 4401.
    await grace.page.context().clearCookies();
    await grace.page.context().setOffline(true);
    await grace.page.locator('.connection-status', { hasText: 'Offline' }).waitFor();
    await grace.page.context().setOffline(false);
    await grace.page.waitForURL((url) => url.pathname === '/login');
    const { page: current } = await workspace.adminApi.call<{ page: { url: string } }>(
      'GET',
      `/api/pages/${workspace.page.id}`,
    );
    expect(new URL(grace.page.url()).searchParams.get('next')).toBe(current.url);
    expect(grace.problems).toEqual([]);
  });

  it('shows the page read-only to a guest', async () => {
    const linus = await harness.open(guest);
    await openEditor(linus.page, workspace.page.id);
    await linus.page.getByText('View only').waitFor();
    expect(await linus.page.locator('.page-body').getAttribute('contenteditable')).toBe('false');
    expect(await linus.page.getByLabel('Page title').getAttribute('readonly')).not.toBeNull();

    await linus.page.locator('.page-body p').first().click();
    await linus.page.keyboard.type('should not appear');
    await linus.page.getByLabel('Page title').click();
    await linus.page.keyboard.type('nor this');
    expect(await bodyText(linus.page)).toBe('First line\nSecond line');
    expect(await linus.page.getByLabel('Page title').inputValue()).toBe('Launch plan');
    expect((await readPage(workspace.page.id)).markdown).toBe('First line\n\nSecond line\n');

    // Guests cannot create or delete anything either.
    expect(await linus.page.getByRole('button', { name: 'New space' }).count()).toBe(0);
    expect(await linus.page.getByRole('button', { name: 'Move to trash' }).count()).toBe(0);
    expect(linus.problems).toEqual([]);
  });

  it('draws every kind of block, carets and presence in light and dark', async () => {
    const { page: rich } = await workspace.adminApi.call<{ page: { id: string } }>(
      'POST',
      '/api/pages',
      {
        spaceId: workspace.space.id,
        title: 'Release checklist',
        markdown: [
          '## Before the release',
          '',
          'Everything below must be **done** and *checked* by `two people`.',
          '',
          '- [x] Freeze the branch',
          '- [ ] Tag the build',
          '',
          '> [!WARNING]',
          '> Never release on a Friday.',
          '',
          '```ts',
          "const release = await ship('v2');",
          '```',
          '',
          '| Step | Owner |',
          '| --- | --- |',
          '| Build | Ada |',
          '| Announce | Grace |',
          '',
          '> Shipping is a feature.',
          '',
        ].join('\n'),
      },
    );
    const ada = await harness.open(admin);
    const grace = await harness.open(member);
    for (const { page } of [ada, grace]) await page.setViewportSize({ width: 1280, height: 900 });
    await openEditor(ada.page, rich.id);
    await openEditor(grace.page, rich.id);
    await grace.page.locator('.page-body td', { hasText: 'Grace' }).click();
    await ada.page.locator('.page-body p', { hasText: 'Everything below' }).click();
    await ada.page.keyboard.press('End');
    await ada.page
      .locator('.collaboration-carets__label', { hasText: member.displayName })
      .waitFor();

    // LORE_E2E_SCREENSHOTS keeps the pictures for a person to look at.
    const keep = process.env.LORE_E2E_SCREENSHOTS;
    const folder = keep ?? mkdtempSync(join(tmpdir(), 'lore-e2e-editor-'));
    mkdirSync(folder, { recursive: true });
    try {
      const shots: Record<string, Buffer> = {};
      for (const scheme of ['light', 'dark'] as const) {
        await ada.page.emulateMedia({ colorScheme: scheme });
        const path = join(folder, `editor-${scheme}.png`);
        await ada.page.screenshot({ path, animations: 'disabled' });
        shots[scheme] = readFileSync(path);
        const background = await ada.page.evaluate(
          () => getComputedStyle(document.body).backgroundColor,
        );
        expect(background).toBe(scheme === 'light' ? 'rgb(255, 255, 255)' : 'rgb(21, 23, 27)');
      }
      expect(shots.light?.equals(shots.dark ?? Buffer.alloc(0))).toBe(false);

      // The caret label is drawn in Grace's color and readable size.
      const label = ada.page.locator('.collaboration-carets__label', {
        hasText: member.displayName,
      });
      const box = await label.boundingBox();
      expect(box?.width).toBeGreaterThan(30);
      expect(await label.evaluate((element) => getComputedStyle(element).backgroundColor)).not.toBe(
        'rgba(0, 0, 0, 0)',
      );
      expect(await ada.page.locator('.page-body pre[data-language="ts"]').count()).toBe(1);
      expect(await ada.page.locator('.page-body .callout[data-kind="warning"]').count()).toBe(1);
      expect(await ada.page.locator('.page-body input[type="checkbox"]').count()).toBe(2);
    } finally {
      if (!keep) rmSync(folder, { recursive: true, force: true });
    }
  });
});
