import { escapeHtml } from '@lore/core';

/**
 * The tags a page address's HTML carries for link previews: generic OpenGraph and Twitter card
 * tags naming the wiki, and oEmbed discovery for `path`. Nothing about the page itself, since no
 * page is public; only attributes, since the CSP allows no inline script.
 */
export function pageMetaTags(origin: string, path: string | null): string {
  const tags = [
    '<meta property="og:title" content="Lore" />',
    '<meta property="og:site_name" content="Lore" />',
    '<meta property="og:type" content="website" />',
    '<meta name="twitter:card" content="summary" />',
  ];
  if (path !== null) {
    const oembed = `${origin}/api/oembed?${new URLSearchParams({ url: `${origin}${path}`, format: 'json' })}`;
    tags.push(
      `<link rel="alternate" type="application/json+oembed" href="${escapeHtml(oembed)}" title="Lore" />`,
    );
  }
  return tags.map((tag) => `    ${tag}`).join('\n');
}
