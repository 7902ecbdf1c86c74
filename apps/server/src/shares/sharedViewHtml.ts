import { escapeHtml, type Page, type SharedTreeNode } from '@lore/core';
import { sharedSubpagePath, sharedViewPath, sharedViewStylesheetPath } from './sharePaths';

/** What one page of the public view shows. */
export interface SharedPageView {
  readonly secret: string;
  /** This wiki's origin, for the OpenGraph address. */
  readonly origin: string;
  readonly page: Page;
  /** The shared page first, down to `page` (only pages inside the share). */
  readonly trail: readonly Page[];
  /** The shared tree, when the link includes subpages. */
  readonly tree: SharedTreeNode | null;
  /** The page's body, rendered and sanitized by the page schema. */
  readonly bodyHtml: string;
  /** A plain-text summary for link previews. */
  readonly summary: string;
  /** false: robots meta says noindex, nofollow. */
  readonly allowIndexing: boolean;
}

const pathOf = (view: { secret: string; rootId: string }, page: Page) =>
  page.id === view.rootId
    ? sharedViewPath(view.secret)
    : sharedSubpagePath(view.secret, page.shortId);

const titleOf = (page: Page) => (page.title.trim() === '' ? 'Untitled' : page.title);

/** The head every page of the view shares: charset, viewport, the stylesheet, robots. */
function head(title: string, extra: readonly string[], allowIndexing: boolean): string {
  return [
    '<meta charset="utf-8" />',
    '<meta name="viewport" content="width=device-width, initial-scale=1" />',
    '<meta name="referrer" content="no-referrer" />',
    ...(allowIndexing ? [] : ['<meta name="robots" content="noindex, nofollow" />']),
    `<title>${escapeHtml(title)}</title>`,
    `<link rel="stylesheet" href="${sharedViewStylesheetPath}" />`,
    ...extra,
  ]
    .map((line) => `    ${line}`)
    .join('\n');
}

function treeHtml(
  node: SharedTreeNode,
  view: { secret: string; rootId: string; currentId: string },
): string {
  const current = node.page.id === view.currentId ? ' aria-current="page"' : '';
  const children =
    node.children.length === 0
      ? ''
      : `<ul>${node.children.map((child) => treeHtml(child, view)).join('')}</ul>`;
  return `<li><a href="${escapeHtml(pathOf(view, node.page))}"${current}>${escapeHtml(titleOf(node.page))}</a>${children}</li>`;
}

/**
 * A page of the public view: the page's title and body, the way down from the shared page, and
 * the shared pages when the link includes subpages. No script, no form, nothing of the app.
 */
export function sharedPageHtml(view: SharedPageView): string {
  const rootId = view.trail[0]?.id ?? view.page.id;
  const at = { secret: view.secret, rootId, currentId: view.page.id };
  const title = titleOf(view.page);
  const url = `${view.origin}${pathOf(at, view.page)}`;
  const meta = [
    `<meta name="description" content="${escapeHtml(view.summary)}" />`,
    `<meta property="og:title" content="${escapeHtml(title)}" />`,
    `<meta property="og:description" content="${escapeHtml(view.summary)}" />`,
    '<meta property="og:type" content="article" />',
    `<meta property="og:url" content="${escapeHtml(url)}" />`,
    '<meta property="og:site_name" content="Lore" />',
    '<meta name="twitter:card" content="summary" />',
    `<link rel="alternate" type="application/json+oembed" href="${escapeHtml(
      `${view.origin}/api/oembed?${new URLSearchParams({ url, format: 'json' })}`,
    )}" title="${escapeHtml(title)}" />`,
    ...(view.allowIndexing ? [`<link rel="canonical" href="${escapeHtml(url)}" />`] : []),
  ];
  const trail =
    view.trail.length > 1
      ? `<nav class="trail" aria-label="Path"><ol>${view.trail
          .map((page) =>
            page.id === view.page.id
              ? `<li aria-current="page">${escapeHtml(titleOf(page))}</li>`
              : `<li><a href="${escapeHtml(pathOf(at, page))}">${escapeHtml(titleOf(page))}</a></li>`,
          )
          .join('')}</ol></nav>`
      : '';
  const contents =
    view.tree && view.tree.children.length > 0
      ? `<nav class="contents" aria-label="Shared pages"><h2>Pages</h2><ul>${treeHtml(view.tree, at)}</ul></nav>`
      : '';
  return `<!doctype html>
<html lang="en">
  <head>
${head(title, meta, view.allowIndexing)}
  </head>
  <body>
    <div class="layout${contents ? ' with-contents' : ''}">
      ${contents}
      <main>
        ${trail}
        <article>
          <h1 class="page-title">${escapeHtml(title)}</h1>
          <div class="page-body">${view.bodyHtml}</div>
        </article>
      </main>
    </div>
    <footer>A read-only page shared from Lore.</footer>
  </body>
</html>
`;
}

/**
 * What an unknown, revoked or expired link (or a page outside the share) shows: the same
 * words whatever the reason, so nobody learns whether the link ever existed.
 */
export function sharedNotFoundHtml(): string {
  return `<!doctype html>
<html lang="en">
  <head>
${head('Link not available – Lore', [], false)}
  </head>
  <body>
    <main class="not-found">
      <h1>This link is not available</h1>
      <p>The page may no longer be shared: links can be revoked, expire, or stop working when
        the page is moved to the trash.</p>
      <p>If you need the page, ask whoever sent you the link for a new one.</p>
    </main>
    <footer>Lore</footer>
  </body>
</html>
`;
}
