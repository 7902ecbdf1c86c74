import type { Page } from 'playwright-core';
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
  markdown: string;
}

interface RevisionsAnswer {
  revisions: { id: string; number: number; name: string | null; kind: string }[];
}

const poll = { timeout: 15_000, interval: 100 };

describe('page history in the browser', () => {
  const harness = setUpBrowserTests();
  let workspace: Workspace;

  const serverMarkdown = async () =>
    (await workspace.adminApi.call<PageAnswer>('GET', `/api/pages/${workspace.page.id}`)).markdown;

  async function typeAtEndOfFirstLine(page: Page, text: string): Promise<void> {
    await page.locator('.page-body p').first().click();
    await page.keyboard.press('End');
    await page.keyboard.type(text, { delay: 15 });
  }

  beforeEach(async () => {
    workspace = await seedWorkspace(harness.lore, { markdown: 'Launch checklist\n' });
  });

  it('saves versions, compares them, restores one live for everyone; guests only look', async () => {
    const ada = await harness.open(admin);
    const grace = await harness.open(member);
    await openEditor(ada.page, workspace.page.id);
    await openEditor(grace.page, workspace.page.id);

    // Ada types, then keeps that state as a named version from the history panel.
    await typeAtEndOfFirstLine(ada.page, ' alpha');
    await expect.poll(serverMarkdown, poll).toBe('Launch checklist alpha\n');
    await ada.page.getByRole('button', { name: 'History', exact: true }).click();
    const panel = ada.page.getByRole('complementary', { name: 'Page history' });
    await panel.waitFor();
    expect(new URL(ada.page.url()).searchParams.has('history')).toBe(true);
    await panel.getByRole('button', { name: 'Save version' }).click();
    await panel.getByLabel('Name').fill('First draft');
    await panel.getByLabel('Note').fill('Before the review');
    await panel.getByRole('button', { name: 'Save', exact: true }).click();
    await panel.getByText('Saved as version 1.').waitFor();

    // She types more: "alpha" becomes "beta gamma", and saves a second version.
    await ada.page.locator('.page-body p').first().click();
    await ada.page.keyboard.press('End');
    for (let i = 0; i < 'alpha'.length; i++) await ada.page.keyboard.press('Backspace');
    await ada.page.keyboard.type('beta gamma', { delay: 15 });
    await expect.poll(serverMarkdown, poll).toBe('Launch checklist beta gamma\n');
    await panel.getByRole('button', { name: 'Save version' }).click();
    await panel.getByLabel('Name').fill('Second draft');
    await panel.getByRole('button', { name: 'Save', exact: true }).click();
    await panel.getByText('Saved as version 2.').waitFor();

    // Both versions are listed, newest first, with their kind, note and author.
    const entries = panel.locator('[data-history-entry]');
    await expect
      .poll(() => entries.allInnerTexts(), poll)
      .toEqual([
        expect.stringContaining('Current version'),
        expect.stringMatching(/Second draft[\s\S]*Version 2 · Saved by hand by Ada Lovelace/),
        expect.stringMatching(/First draft[\s\S]*Before the review[\s\S]*Ada Lovelace/),
      ]);

    // The first version reads as it was.
    await panel.getByRole('button', { name: /First draft/ }).click();
    const viewer = panel.getByRole('region', { name: 'Version 1: First draft' });
    await viewer.getByRole('article', { name: 'Content of this version' }).waitFor();
    expect(await viewer.locator('.history-document__body').textContent()).toBe(
      'Launch checklist alpha',
    );

    // Compared with the page as it is now: "alpha" removed, "beta gamma" added.
    await viewer.getByRole('tab', { name: 'Compare' }).click();
    const diff = viewer.locator('.history-diff');
    await diff.waitFor();
    await expect
      .poll(() => diff.locator('del.lore-diff-del').allTextContents(), poll)
      .toEqual(['alpha']);
    expect((await diff.locator('ins.lore-diff-ins').allTextContents()).join('')).toBe('beta gamma');
    const firstId = (await revisionIdNamed('First draft')) ?? '';
    const secondId = (await revisionIdNamed('Second draft')) ?? '';
    const fromPicker = viewer.getByRole('combobox', { name: 'Compare' });
    const toPicker = viewer.getByRole('combobox', { name: 'with' });
    expect(await fromPicker.inputValue()).toBe(firstId);
    expect(await toPicker.inputValue()).toBe('current');

    // Any two versions: version 2 against version 1 shows the change the other way round.
    await fromPicker.selectOption(secondId);
    await toPicker.selectOption(firstId);
    await expect
      .poll(() => diff.locator('del.lore-diff-del').allTextContents(), poll)
      .toEqual(['beta gamma']);
    expect(await diff.locator('ins.lore-diff-ins').allTextContents()).toEqual(['alpha']);

    // The Markdown tab shows the same change as lines.
    await viewer.getByRole('tab', { name: 'Markdown' }).click();
    const lines = viewer.getByRole('list', { name: 'Markdown changes' });
    await expect
      .poll(() => lines.locator('[data-op="insert"]').allInnerTexts(), poll)
      .toEqual([expect.stringContaining('Launch checklist alpha')]);
    expect(await lines.locator('[data-op="delete"]').allInnerTexts()).toEqual([
      expect.stringContaining('Launch checklist beta gamma'),
    ]);

    // Restore the first version: both editors show it, and the list records the restore.
    await panel.getByRole('button', { name: /First draft/ }).click();
    await viewer.getByRole('button', { name: 'Restore this version' }).click();
    const dialog = ada.page.getByRole('dialog', { name: 'Restore version 1?' });
    await dialog.getByRole('button', { name: 'Restore' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => bodyText(ada.page), poll).toBe('Launch checklist alpha');
    await expect.poll(() => bodyText(grace.page), poll).toBe('Launch checklist alpha');
    await panel.getByText(/Version 1 was restored for everyone/).waitFor();
    await expect
      .poll(() => entries.nth(1).textContent(), poll)
      .toMatch(/Restored from version 1 by Ada Lovelace/);
    // The content it replaced was version 2 already, so no "before restore" copy was needed.
    await expect.poll(() => entries.count(), poll).toBe(4);
    await ada.page.getByText(/Last edited by Ada Lovelace today at/).waitFor();

    // Escape closes the panel and gives the focus back to the History button.
    await panel.getByRole('button', { name: /First draft/ }).focus();
    await ada.page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    expect(new URL(ada.page.url()).searchParams.has('history')).toBe(false);
    expect(await ada.page.evaluate(() => document.activeElement?.id)).toBe('page-history-button');

    // A guest opens a link to the first version: history and compare, but no restore or save.
    const linus = await harness.open(guest);
    await linus.page.goto(`/pages/${workspace.page.id}?history=${firstId}&historyView=compare`);
    const guestPanel = linus.page.getByRole('complementary', { name: 'Page history' });
    const guestViewer = guestPanel.getByRole('region', { name: 'Version 1: First draft' });
    await guestViewer.locator('.history-diff').waitFor();
    expect(
      await guestViewer.getByRole('tab', { name: 'Compare' }).getAttribute('aria-selected'),
    ).toBe('true');
    await expect.poll(() => guestPanel.locator('[data-history-entry]').count(), poll).toBe(4);
    expect(await guestPanel.getByRole('button', { name: 'Restore this version' }).count()).toBe(0);
    expect(await guestPanel.getByRole('button', { name: 'Save version' }).count()).toBe(0);

    expect(ada.problems).toEqual([]);
    expect(grace.problems).toEqual([]);
    expect(linus.problems).toEqual([]);
  });

  it('colours the current text by who wrote it, with a legend', async () => {
    const ada = await harness.open(admin);
    const grace = await harness.open(member);
    await openEditor(ada.page, workspace.page.id);
    await openEditor(grace.page, workspace.page.id);
    await typeAtEndOfFirstLine(ada.page, ' by Ada');
    await expect.poll(serverMarkdown, poll).toBe('Launch checklist by Ada\n');
    await expect.poll(() => bodyText(grace.page), poll).toBe('Launch checklist by Ada');
    await typeAtEndOfFirstLine(grace.page, ' and Grace');
    await expect.poll(serverMarkdown, poll).toBe('Launch checklist by Ada and Grace\n');

    await ada.page.getByRole('button', { name: 'History', exact: true }).click();
    const panel = ada.page.getByRole('complementary', { name: 'Page history' });
    await panel.getByRole('button', { name: /Current version/ }).click();
    await panel.getByRole('button', { name: 'Who wrote what' }).click();
    const legend = panel.getByRole('list', { name: 'Authors' });
    await expect
      .poll(() => legend.getByRole('listitem').allInnerTexts(), poll)
      .toEqual([
        expect.stringContaining('Grace Hopper'),
        expect.stringContaining('Ada Lovelace'),
        expect.stringContaining('Unattributed'),
      ]);
    const runs = panel.locator('.history-document__body .author-run');
    const byAuthor = await runs.evaluateAll((spans) =>
      spans.map((span) => [span.getAttribute('title'), span.textContent]),
    );
    expect(byAuthor).toEqual([
      ['Unattributed', 'Launch checklist'],
      [admin.displayName, ' by Ada'],
      [member.displayName, ' and Grace'],
    ]);
    expect(ada.problems).toEqual([]);
  });

  async function revisionIdNamed(name: string): Promise<string | undefined> {
    const { revisions } = await workspace.adminApi.call<RevisionsAnswer>(
      'GET',
      `/api/pages/${workspace.page.id}/revisions`,
    );
    return revisions.find((revision) => revision.name === name)?.id;
  }
});
