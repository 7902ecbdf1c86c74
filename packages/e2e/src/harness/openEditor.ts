import type { Page } from 'playwright-core';

/** Opens a page in the editor and waits until it is in sync with the server. */
export async function openEditor(page: Page, pageId: string): Promise<void> {
  await page.goto(`/pages/${pageId}`);
  await page.locator('.page-body').waitFor();
  await page.getByRole('status').filter({ hasText: 'Connected' }).waitFor();
}

/**
 * The text of the page body as the editor shows it, one line per top-level block, without
 * the name labels of other people's carets.
 */
export function bodyText(page: Page): Promise<string> {
  return page.locator('.page-body').evaluate((body) => {
    const copy = body.cloneNode(true) as HTMLElement;
    for (const caret of Array.from(copy.querySelectorAll('.collaboration-carets__caret'))) {
      caret.remove();
    }
    return Array.from(copy.children)
      .map((block) => block.textContent ?? '')
      .join('\n');
  });
}
