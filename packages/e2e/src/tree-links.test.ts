import type { Locator, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { type ApiSession, admin, setUpBrowserTests, signInApi } from './harness';

const poll = { timeout: 15_000, interval: 100 };

interface PageJson {
  id: string;
  shortId: string;
  spaceId: string;
  parentId: string | null;
  title: string;
  icon: string | null;
  url: string;
}

interface SpaceJson {
  id: string;
  slug: string;
  name: string;
}

/** Enough paragraphs that a heading after them starts below the fold. */
const longIntro = Array.from(
  { length: 60 },
  (_, n) => `Paragraph ${n + 1} of the introduction.\n`,
).join('\n');

describe('page tree and links between pages', () => {
  const harness = setUpBrowserTests();
  let adminApi: ApiSession;
  let page: Page;
  let problems: string[];
  let space: SpaceJson;

  const readPage = async (id: string) =>
    (await adminApi.call<{ page: PageJson; markdown: string }>('GET', `/api/pages/${id}`)).page;
  const createPage = async (title: string, markdown = '', parentId: string | null = null) =>
    (
      await adminApi.call<{ page: PageJson }>('POST', '/api/pages', {
        spaceId: space.id,
        title,
        markdown,
        parentId,
      })
    ).page;
  const tree = () =>
    page.getByRole('complementary').getByRole('tree', { name: 'Pages in Handbook' });
  const treeItem = (name: string) => tree().getByRole('treeitem', { name, exact: true });
  const row = (pageId: string) => tree().locator(`.page-tree__row[data-row-id="${pageId}"]`);
  const connected = () =>
    page.getByRole('status').filter({ hasText: 'Connected' }).first().waitFor();

  beforeEach(async () => {
    adminApi = await signInApi(harness.lore, admin);
    ({ space } = await adminApi.call<{ space: SpaceJson }>('POST', '/api/spaces', {
      name: 'Handbook',
    }));
    ({ page, problems } = await harness.open(admin, {
      permissions: ['clipboard-read', 'clipboard-write'],
    }));
  });

  it('nests a page by dragging it onto another, and moves it with the keyboard and the dialog', async () => {
    const alpha = await createPage('Alpha');
    const beta = await createPage('Beta');
    const gamma = await createPage('Gamma');
    await page.goto(`/spaces/${space.slug}`);
    await treeItem('Gamma').waitFor();

    // Dropped on the middle of Alpha's row: Beta becomes Alpha's subpage.
    const target = row(alpha.id);
    const box = await target.boundingBox();
    if (!box) throw new Error('Alpha has no row');
    await row(beta.id).dragTo(target, { targetPosition: { x: box.width / 2, y: box.height / 2 } });
    await expect.poll(async () => treeItem('Beta').getAttribute('aria-level'), poll).toBe('2');
    expect(await treeItem('Alpha').getAttribute('aria-expanded')).toBe('true');
    await expect.poll(async () => (await readPage(beta.id)).parentId, poll).toBe(alpha.id);

    // Dropped on the top edge of Alpha: Gamma goes first at the top level.
    const gammaTarget = (await row(alpha.id).boundingBox()) ?? box;
    await row(gamma.id).dragTo(row(alpha.id), {
      targetPosition: { x: gammaTarget.width / 2, y: 2 },
    });
    await expect
      .poll(async () => (await tree().locator(':scope > [role="treeitem"]').allTextContents())[0])
      .toContain('Gamma');

    // Alt+Shift+Left on the focused Beta: out of Alpha, right after it.
    await treeItem('Beta').focus();
    await page.keyboard.press('Alt+Shift+ArrowLeft');
    await expect.poll(async () => treeItem('Beta').getAttribute('aria-level'), poll).toBe('1');
    await expect.poll(async () => (await readPage(beta.id)).parentId, poll).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Beta');

    // The Move dialog, from the page: under Gamma, then to another space.
    const other = await adminApi.call<{ space: SpaceJson }>('POST', '/api/spaces', {
      name: 'Archive',
    });
    await treeItem('Beta').click();
    await connected();
    await page.getByRole('button', { name: 'Move…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Move “Beta”' });
    await dialog.getByRole('combobox', { name: 'Put it under' }).fill('gam');
    await dialog.getByRole('option', { name: 'Gamma', selected: true }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByText('Moved under “Gamma”').waitFor();
    expect((await readPage(beta.id)).parentId).toBe(gamma.id);
    await expect.poll(async () => treeItem('Beta').getAttribute('aria-level'), poll).toBe('2');

    await page.getByRole('button', { name: 'Move…' }).click();
    await dialog.getByLabel('Space').selectOption({ label: 'Archive' });
    await dialog.getByRole('option', { name: 'Top level', selected: true }).waitFor();
    await dialog.getByRole('button', { name: 'Move' }).click();
    await expect.poll(async () => (await readPage(beta.id)).spaceId, poll).toBe(other.space.id);
    await page
      .getByRole('tree', { name: 'Pages in Archive' })
      .getByRole('treeitem', { name: 'Beta' })
      .waitFor();
    // The address follows the page to its new space.
    await page.waitForURL((url) => url.pathname.startsWith('/archive/beta-'));
    expect(problems).toEqual([]);
  });

  it('puts a refused move back and says why', async () => {
    const alpha = await createPage('Alpha');
    const beta = await createPage('Beta');
    await page.goto(`/spaces/${space.slug}`);
    await treeItem('Beta').waitFor();
    // Someone else moves Alpha to the trash; this sidebar has not heard of it yet.
    await adminApi.call('DELETE', `/api/pages/${alpha.id}`);

    const target = row(alpha.id);
    const box = await target.boundingBox();
    if (!box) throw new Error('Alpha has no row');
    await row(beta.id).dragTo(target, { targetPosition: { x: box.width / 2, y: box.height / 2 } });
    await page.getByText('The page or the place it was moved to no longer exists.').waitFor();
    expect(await treeItem('Beta').getAttribute('aria-level')).toBe('1');
    expect((await readPage(beta.id)).parentId).toBeNull();
    expect(problems).toEqual([]);
  });

  it('gives a page an emoji shown in the tree and breadcrumbs', async () => {
    const parent = await createPage('Guides');
    const child = await createPage('Setup', '', parent.id);
    await page.goto(`/s/${parent.shortId}`);
    await connected();
    await page.getByRole('button', { name: 'Add page icon' }).click();
    await page
      .getByRole('dialog', { name: 'Page icon' })
      .getByRole('button', { name: '🚀' })
      .click();
    await expect.poll(async () => (await readPage(parent.id)).icon, poll).toBe('🚀');
    await expect.poll(() => treeItem('Guides').textContent(), poll).toContain('🚀');

    await page.goto(`/s/${child.shortId}`);
    await connected();
    await expect
      .poll(() => page.getByRole('navigation', { name: 'Breadcrumb' }).textContent(), poll)
      .toContain('🚀');
    expect(problems).toEqual([]);
  });

  it('links pages with [[, lists backlinks, and keeps links working through a rename', async () => {
    const targetPage = await createPage('Target plan', 'The plan.\n');
    const source = await createPage('Source notes', 'Notes.\n');

    await page.goto(`/s/${source.shortId}`);
    // The address becomes the canonical one, without a new history entry.
    await page.waitForURL((url) => url.pathname === `/handbook/source-notes-${source.shortId}`);
    await connected();
    await page.locator('.page-body').click();
    await page.keyboard.press('End');
    await page.keyboard.type(' see [[targ');
    const menu = page.getByRole('listbox', { name: 'Link to a page' });
    await menu.getByRole('option', { name: /Target plan/, selected: true }).waitFor();
    await page.keyboard.press('Enter');
    const link = page.locator(`.page-body a[href="/s/${targetPage.shortId}"]`);
    await link.waitFor();
    expect(await link.textContent()).toBe('Target plan');

    // The server records the link once the document is saved.
    await expect
      .poll(async () => {
        const { backlinks } = await adminApi.call<{ backlinks: { page: { id: string } }[] }>(
          'GET',
          `/api/pages/${targetPage.id}/backlinks`,
        );
        return backlinks.map((backlink) => backlink.page.id);
      }, poll)
      .toEqual([source.id]);

    // Clicking the link in the editor opens the target in the app.
    await link.click();
    await page.waitForURL((url) => url.pathname === `/handbook/target-plan-${targetPage.shortId}`);
    await connected();
    const linkedFrom = page.getByRole('region', { name: 'Linked from' });
    await linkedFrom.getByRole('link', { name: 'Source notes' }).waitFor();

    // Renaming the target rewrites the address in place.
    const historyLength = await page.evaluate(() => history.length);
    const title = page.getByLabel('Page title');
    await title.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('Renamed plan');
    await page.waitForURL((url) => url.pathname === `/handbook/renamed-plan-${targetPage.shortId}`);
    expect(await page.evaluate(() => history.length)).toBe(historyLength);
    await expect.poll(async () => (await readPage(targetPage.id)).title, poll).toBe('Renamed plan');

    // The link in the source still opens the target, now under its new name.
    await linkedFrom.getByRole('link', { name: 'Source notes' }).click();
    await connected();
    await link.click();
    await page.waitForURL((url) => url.pathname === `/handbook/renamed-plan-${targetPage.shortId}`);
    await expect.poll(() => title.inputValue(), poll).toBe('Renamed plan');
    expect(problems).toEqual([]);
  });

  it('opens a heading link scrolled to the heading, and copies links', async () => {
    const long = await createPage('Long read', `${longIntro}\n## Deep section\n\nThe end.\n`);
    const other = await createPage('Elsewhere');
    await page.goto(`/s/${long.shortId}`);
    await connected();
    const heading = page.locator('.page-body h2', { hasText: 'Deep section' });
    await heading.waitFor();
    const id = await heading.getAttribute('id');
    expect(id).toBeTruthy();
    const canonical = new URL(page.url()).pathname;
    expect(canonical).toBe(`/handbook/long-read-${long.shortId}`);

    const inView = (locator: Locator) =>
      locator.evaluate((element) => {
        const box = element.getBoundingClientRect();
        return box.top >= 0 && box.bottom <= window.innerHeight;
      });

    // Open another page first, so the heading URL loads the page from scratch.
    await page.goto(`/s/${other.shortId}`);
    await connected();
    await page.goto(`/s/${long.shortId}#${id}`);
    await heading.waitFor();
    await expect.poll(() => inView(heading), poll).toBe(true);
    expect(new URL(page.url()).hash).toBe(`#${id}`);

    // Hovering the heading offers its link.
    await heading.hover();
    await page.getByRole('button', { name: 'Copy link to this heading' }).click();
    await page.getByText('Link copied').waitFor();
    const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
    expect(await clipboard()).toBe(`${harness.lore.url}${canonical}#${id}`);

    await page.getByRole('button', { name: 'Copy link', exact: true }).click();
    await expect.poll(clipboard, poll).toBe(`${harness.lore.url}${canonical}`);
    expect(problems).toEqual([]);
  });
});
