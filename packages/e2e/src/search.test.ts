import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  admin,
  type Credentials,
  guest,
  logIn,
  member,
  openEditor,
  type SeededPage,
  seedWorkspace,
  setUpBrowserTests,
  signInApi,
  type Workspace,
} from './harness';

interface SearchAnswer {
  total: number;
  results: { pageId: string; title: string }[];
}

const ptoMeaning = 'Paid time off: days away from work that are paid as usual.';

/**
 * Asks the API until `query` (with the `filters`, e.g. `&tag=x`) finds at least `count` pages:
 * indexing is quick but not instant.
 */
async function waitUntilSearchable(
  workspace: Workspace,
  query: string,
  count: number,
  filters = '',
) {
  const deadline = Date.now() + 10_000;
  let last: SearchAnswer | null = null;
  while (Date.now() < deadline) {
    last = await workspace.adminApi.call<SearchAnswer>(
      'GET',
      `/api/search?q=${encodeURIComponent(query)}${filters}&record=false`,
    );
    if (last.total >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`"${query}" still finds ${last?.total ?? 0} pages, expected ${count}`);
}

describe('search in the browser', () => {
  const harness = setUpBrowserTests({ serverPer: 'file' });
  let workspace: Workspace;
  let checklist: SeededPage;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    workspace = await seedWorkspace(harness.lore, { title: 'Launch plan', markdown: 'Ship it.' });
    const api = workspace.adminApi;
    const { space: people } = await api.call<{ space: { id: string } }>('POST', '/api/spaces', {
      name: 'People',
    });
    ({ page: checklist } = await api.call<{ page: SeededPage }>('POST', '/api/pages', {
      spaceId: workspace.space.id,
      title: 'Onboarding checklist',
      markdown: '# First week\n\nSet up your laptop, then book PTO for the holidays.',
    }));
    await api.call('POST', '/api/pages', {
      spaceId: people.id,
      title: 'Onboarding buddies',
      markdown: 'Every newcomer gets a buddy for the first month.',
    });
    await api.call('POST', '/api/glossary', {
      term: 'PTO',
      meaning: ptoMeaning,
      expansions: ['paid time off'],
    });
    await waitUntilSearchable(workspace, 'onboarding', 2);
  });

  beforeEach(async () => {
    ({ context, page, problems } = await harness.open());
  });

  afterEach(async () => {
    // Closed before the check, so that problems raised while the page goes away count too.
    await context?.close();
    expect(problems).toEqual([]);
  });

  const signIn = (who: Credentials) => logIn(page, who);

  it('quick search: Ctrl+K, results with highlights as you type, open one with the keyboard', async () => {
    await signIn(admin);
    await page.keyboard.press('Control+K');
    const box = page.getByRole('combobox', { name: 'Search' });
    expect(await box.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await box.getAttribute('aria-expanded')).toBe('true');

    await page.keyboard.type('onboard', { delay: 30 });
    const listbox = page.getByRole('listbox', { name: 'Search results' });
    const wanted = listbox.getByRole('option').filter({ hasText: 'Onboarding checklist' });
    await wanted.waitFor();
    expect(
      await listbox.getByRole('option').filter({ hasText: 'Onboarding buddies' }).count(),
    ).toBe(1);
    expect(await wanted.locator('mark').first().textContent()).toMatch(/^Onboard/);
    await listbox.getByRole('option').filter({ hasText: 'See all results' }).waitFor();

    const options = await listbox.getByRole('option').allTextContents();
    const index = options.findIndex((text) => text.includes('Onboarding checklist'));
    for (let presses = 0; presses <= index; presses++) await page.keyboard.press('ArrowDown');
    const activeId = await box.getAttribute('aria-activedescendant');
    expect(await wanted.getAttribute('id')).toBe(activeId);
    expect(await wanted.getAttribute('aria-selected')).toBe('true');

    const click = page.waitForRequest(
      (request) => request.url().endsWith('/api/search/clicks') && request.method() === 'POST',
    );
    await page.keyboard.press('Enter');
    const reported = JSON.parse((await click).postData() ?? '{}');
    expect(reported).toMatchObject({ pageId: checklist.id, position: index });
    expect(typeof reported.searchId).toBe('string');
    const title = page.getByRole('textbox', { name: 'Page title' });
    await title.waitFor();
    await expect.poll(() => title.inputValue()).toBe('Onboarding checklist');

    // Escape closes; the recent search shows once the field is empty, and can be cleared.
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Escape');
    expect(await box.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('Backspace');
    const recent = page.getByRole('listbox', { name: 'Recent searches' });
    await recent.getByRole('option', { name: 'onboard' }).waitFor();
    await page.getByRole('button', { name: 'Clear' }).click();
    expect(await recent.getByRole('option').count()).toBe(0);
  });

  it('search page: highlighted results, a space filter in the address, glossary definitions', async () => {
    await signIn(admin);
    await page.goto('/search?q=onboarding');
    const results = page.getByRole('list', { name: 'Search results' });
    await results.getByRole('link', { name: 'Onboarding buddies' }).waitFor();
    expect(
      await results
        .getByRole('listitem')
        .filter({ has: page.locator('h2') })
        .count(),
    ).toBe(2);
    expect(await results.locator('mark').first().textContent()).toBe('Onboarding');
    await page.getByText('2 pages for').waitFor();

    await page.getByLabel('Space', { exact: true }).selectOption({ label: 'People' });
    await page.waitForURL(/space=people/);
    await page.waitForFunction(
      () => document.querySelectorAll('.search-result').length === 1,
      undefined,
      { timeout: 10_000 },
    );
    expect(await results.getByRole('heading').allTextContents()).toEqual(['Onboarding buddies']);

    // The address alone reproduces the filtered list.
    await page.reload();
    await results.getByRole('link', { name: 'Onboarding buddies' }).waitFor();
    expect(await page.getByLabel('Space', { exact: true }).inputValue()).toBe('people');

    await page.goto('/search?q=how+much+PTO');
    const glossary = page.getByRole('region', { name: 'From the glossary' });
    await glossary.getByText(ptoMeaning).waitFor();

    await page.goto('/search?q=zebra+migration');
    await page.getByRole('heading', { name: 'No results for “zebra migration”' }).waitFor();
  });

  it('glossary terms in a page show their meaning on hover', async () => {
    await signIn(admin);
    await openEditor(page, checklist.id);
    const term = page.locator('.page-body .glossary-term', { hasText: 'PTO' });
    await term.waitFor();
    const tooltip = page.getByRole('tooltip');
    expect(await tooltip.isVisible()).toBe(false);
    await term.hover();
    await tooltip.getByText(ptoMeaning).waitFor();
    expect(await tooltip.textContent()).toContain('PTO');
  });

  it('an admin sees the searches in the analytics and can download them', async () => {
    const api = await signInApi(harness.lore, admin);
    await api.call('GET', '/api/search?q=expense+policy');
    await api.call('GET', '/api/search?q=onboarding+buddies');
    await signIn(admin);
    await page.goto('/settings');
    await page.getByRole('link', { name: 'Search analytics' }).click();
    await page.getByRole('heading', { name: 'Search analytics', level: 1 }).waitFor();

    const top = page.getByRole('table', { name: 'Top queries' });
    await top.getByRole('link', { name: 'onboarding buddies' }).waitFor();
    const zero = page.getByRole('table', { name: 'Queries with no results' });
    await zero.getByRole('link', { name: 'expense policy' }).waitFor();

    const href = await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href');
    expect(href).toContain('/api/admin/search-analytics/export');
    const csv = await context.request.get(href ?? '');
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain('expense policy');
  });

  it('a member adds, edits and deletes glossary terms', async () => {
    await signIn(member);
    await page.goto('/glossary');
    const add = page.getByRole('form', { name: 'Add a term' });
    await add.getByLabel('Term').fill('SLA');
    await add.getByLabel('Also known as').fill('service level agreement, uptime promise');
    await add.getByLabel('Meaning').fill('What we promise about availability.');
    await add.getByRole('button', { name: 'Add term' }).click();
    await page.getByRole('heading', { name: 'SLA', level: 3 }).waitFor();
    await page.getByText('Also: service level agreement, uptime promise').waitFor();

    await page.getByRole('button', { name: 'Edit SLA' }).click();
    const edit = page.getByRole('form', { name: 'Edit SLA' });
    await edit.getByLabel('Meaning').fill('Our availability promise: 99.9% a month.');
    await edit.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Our availability promise: 99.9% a month.').waitFor();

    const api = await signInApi(harness.lore, member);
    const listed = await api.call<{ terms: { term: string; meaning: string }[] }>(
      'GET',
      '/api/glossary',
    );
    expect(listed.terms.find((term) => term.term === 'SLA')?.meaning).toBe(
      'Our availability promise: 99.9% a month.',
    );

    await page.getByRole('button', { name: 'Delete SLA' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete term' }).click();
    await page.getByText('Deleted “SLA”.').waitFor();
    const after = await api.call<{ terms: { term: string }[] }>('GET', '/api/glossary');
    expect(after.terms.map((term) => term.term)).toEqual(['PTO']);
  });

  it('tags: a member tags a page, the tag links to a filtered search, a guest only reads', async () => {
    await signIn(member);
    await openEditor(page, checklist.id);
    await page.getByRole('button', { name: '+ Add tags' }).click();
    const input = page.getByRole('combobox', { name: 'Add a tag' });
    await input.fill('#Newcomers');
    await page.keyboard.press('Enter');
    await input.fill('HR');
    await page.keyboard.press('Enter');
    const tags = page.getByRole('list', { name: 'Tags' });
    const storedTags = async () =>
      (await workspace.adminApi.call<{ tags: string[] }>('GET', `/api/pages/${checklist.id}/tags`))
        .tags;
    await tags.getByRole('link', { name: '#HR' }).waitFor();
    await expect.poll(storedTags).toEqual(['Newcomers', 'HR']);

    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Remove tag HR' }).click();
    await expect.poll(storedTags).toEqual(['Newcomers']);

    // The search for the tag finds the tagged page and not the other onboarding page.
    await waitUntilSearchable(workspace, 'onboarding', 1, '&tag=newcomers');
    await tags.getByRole('link', { name: '#Newcomers' }).click();
    await page.waitForURL((url) => url.pathname === '/search');
    expect(new URL(page.url()).searchParams.get('tag')).toBe('Newcomers');
    const results = page.getByRole('main');
    await results
      .getByRole('link', { name: /Onboarding checklist/ })
      .first()
      .waitFor();
    expect(await results.getByRole('link', { name: /Onboarding buddies/ }).count()).toBe(0);

    await context.clearCookies();
    await signIn(guest);
    await openEditor(page, checklist.id);
    await page
      .getByRole('list', { name: 'Tags' })
      .getByRole('link', { name: '#Newcomers' })
      .waitFor();
    expect(await page.getByRole('button', { name: /Remove tag|Add tags|\+ Tag/ }).count()).toBe(0);
  });

  it('a member cannot open the analytics', async () => {
    await signIn(member);
    await page.goto('/admin/search-analytics');
    await page.getByText('Only administrators can see search analytics').waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
    const answer = await context.request.get('/api/admin/search-analytics');
    expect(answer.status()).toBe(403);
    await page.goto('/settings');
    await page.getByRole('link', { name: 'Glossary' }).waitFor();
    expect(await page.getByRole('link', { name: 'Search analytics' }).count()).toBe(0);
  });
});
