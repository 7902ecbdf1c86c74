import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  admin,
  bodyText,
  openEditor,
  seedWorkspace,
  setUpBrowserTests,
  type Workspace,
} from './harness';

const poll = { timeout: 15_000, interval: 100 };

/** Roughly what Google Docs puts on the clipboard when copying a few paragraphs. */
const googleDocsClipboard = `<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1f2e3d4c-7fff-4a5b-8c9d-0e1f2a3b4c5d"><p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre-wrap;">Pasted from </span><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:700;font-style:normal;">Docs</span><span style="font-size:11pt;font-family:Arial,sans-serif;font-weight:400;"> today</span></p><br><ul style="margin-top:0;margin-bottom:0;padding-inline-start:48px;"><li dir="ltr" style="list-style-type:disc;font-size:11pt;font-family:Arial,sans-serif;" aria-level="1"><p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;" role="presentation"><span style="font-size:11pt;font-weight:400;">Alpha</span></p></li><li dir="ltr" style="list-style-type:disc;" aria-level="1"><p dir="ltr" role="presentation"><span style="font-size:11pt;font-weight:400;">Beta</span></p></li></ul></b><br class="Apple-interchange-newline">`;

function paste(page: Page, html: string, text: string): Promise<void> {
  return page.locator('.page-body').evaluate(
    (body, { html, text }) => {
      const data = new DataTransfer();
      data.setData('text/html', html);
      data.setData('text/plain', text);
      body.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    },
    { html, text },
  );
}

describe('writing in the editor', () => {
  const harness = setUpBrowserTests();
  let workspace: Workspace;
  let page: Page;
  let problems: string[];

  const markdown = async () =>
    (await workspace.adminApi.call<{ markdown: string }>('GET', `/api/pages/${workspace.page.id}`))
      .markdown;

  beforeEach(async () => {
    workspace = await seedWorkspace(harness.lore, { title: 'Notes' });
    ({ page, problems } = await harness.open(admin));
    await openEditor(page, workspace.page.id);
  });

  it('inserts blocks from the slash menu with the keyboard alone', async () => {
    await page.locator('.page-body').click();
    await page.keyboard.type('/');
    const menu = page.getByRole('listbox', { name: 'Insert a block' });
    await menu.waitFor();
    const editable = page.locator('.page-body');
    expect(await editable.getAttribute('aria-controls')).toBe(await menu.getAttribute('id'));
    const options = menu.getByRole('option');
    expect(await options.count()).toBeGreaterThanOrEqual(12);

    await page.keyboard.type('head');
    expect(await options.allTextContents()).toEqual([
      expect.stringContaining('Heading 1'),
      expect.stringContaining('Heading 2'),
      expect.stringContaining('Heading 3'),
    ]);
    await page.keyboard.press('ArrowDown');
    const active = await editable.getAttribute('aria-activedescendant');
    expect(await page.locator(`[id="${active}"]`).textContent()).toContain('Heading 2');
    expect(await options.nth(1).getAttribute('aria-selected')).toBe('true');

    await page.keyboard.press('Enter');
    expect(await menu.count()).toBe(0);
    await page.keyboard.type('Goals');
    await page.locator('.page-body h2', { hasText: 'Goals' }).waitFor();

    // Escape closes the menu and leaves the slash as text.
    await page.keyboard.press('Enter');
    await page.keyboard.type('either /');
    await menu.waitFor();
    await page.keyboard.press('Escape');
    expect(await menu.count()).toBe(0);
    await page.keyboard.type('or');

    // Another block from the menu: a table, by name.
    await page.keyboard.press('Enter');
    await page.keyboard.type('/table');
    await page.keyboard.press('Enter');
    await page.locator('.page-body table th').first().waitFor();
    expect(await page.locator('.page-body table tr').count()).toBe(3);

    await expect.poll(markdown, poll).toContain('## Goals\n\neither /or\n');
    expect(await markdown()).toMatch(/\| +\| +\| +\|/);
    expect(problems).toEqual([]);
  });

  it('turns Markdown shortcuts into blocks and marks as you type', async () => {
    await page.locator('.page-body').click();
    const line = async (text: string, enters = 1) => {
      await page.keyboard.type(text);
      for (let i = 0; i < enters; i++) await page.keyboard.press('Enter');
    };
    await line('# Big idea');
    await line('- first');
    await line('second', 2);
    await line('1. one');
    await line('two', 2);
    await line('[ ] buy milk', 2);
    await line('> wise words', 2);
    await line('```ts ', 0);
    await page.keyboard.type('let x = 1;');
    // Leave the code block: three Enters at its end.
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('This is **bold** and `code`.');

    await page.locator('.page-body h1', { hasText: 'Big idea' }).waitFor();
    expect(await page.locator('.page-body ul:not([data-type]) > li').count()).toBe(2);
    expect(await page.locator('.page-body ol > li').count()).toBe(2);
    await page.locator('.page-body ul[data-type="taskList"] li', { hasText: 'buy milk' }).waitFor();
    await page.locator('.page-body blockquote', { hasText: 'wise words' }).waitFor();
    await page.locator('.page-body pre[data-language="ts"]', { hasText: 'let x = 1;' }).waitFor();
    await page.locator('.page-body strong', { hasText: 'bold' }).waitFor();
    await page.locator('.page-body p code', { hasText: 'code' }).waitFor();

    await expect
      .poll(markdown, poll)
      .toBe(
        [
          '# Big idea',
          '',
          '- first',
          '- second',
          '',
          '1. one',
          '2. two',
          '',
          '- [ ] buy milk',
          '',
          '> wise words',
          '',
          '```ts',
          'let x = 1;',
          '```',
          '',
          'This is **bold** and `code`.',
          '',
        ].join('\n'),
      );
    expect(problems).toEqual([]);
  });

  it('cleans a Google Docs paste down to the page schema', async () => {
    await page.locator('.page-body').click();
    await paste(page, googleDocsClipboard, 'Pasted from Docs today\nAlpha\nBeta');

    await page.locator('.page-body li', { hasText: 'Beta' }).waitFor();
    // The paragraph the caret was in stays below the pasted blocks, empty.
    expect(await bodyText(page)).toBe('Pasted from Docs today\nAlphaBeta\n');
    // Only "Docs" is bold: the invisible bold wrapper of the whole clipboard is gone.
    expect(await page.locator('.page-body strong').allTextContents()).toEqual(['Docs']);
    expect(await page.locator('.page-body [style]').count()).toBe(0);

    await expect.poll(markdown, poll).toBe('Pasted from **Docs** today\n\n- Alpha\n- Beta\n');
    expect(problems).toEqual([]);
  });
});
