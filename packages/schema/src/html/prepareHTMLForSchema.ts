/// <reference lib="dom" />

import type { ImageSrcResolver } from '../ImageSrcResolver';
import { isSafeHref } from '../isSafeHref';
import { isSafeImageSrc } from '../isSafeImageSrc';

const ALERT_KINDS: Record<string, string> = {
  note: 'info',
  important: 'info',
  tip: 'success',
  warning: 'warning',
  caution: 'danger',
};

function replaceWithLinkOrText(element: Element, href: string | null, text: string): void {
  const doc = element.ownerDocument;
  if (href !== null && isSafeHref(href)) {
    const link = doc.createElement('a');
    link.setAttribute('href', href);
    link.textContent = text || href;
    element.replaceWith(link);
  } else {
    element.replaceWith(doc.createTextNode(text));
  }
}

function prepareImages(root: HTMLElement, resolveImageSrc: ImageSrcResolver | undefined): void {
  for (const img of Array.from(root.querySelectorAll('img'))) {
    const src = img.getAttribute('src')?.trim() ?? '';
    const resolved = isSafeImageSrc(src)
      ? src
      : src && resolveImageSrc
        ? resolveImageSrc(src)
        : null;
    if (resolved !== null && isSafeImageSrc(resolved)) {
      img.setAttribute('src', resolved);
    } else {
      replaceWithLinkOrText(img, src || null, img.getAttribute('alt') ?? '');
    }
  }
}

/** Embedded players cannot be stored; a link to what they showed keeps the information. */
function prepareEmbeds(root: HTMLElement): void {
  for (const embed of Array.from(root.querySelectorAll('iframe, video, audio, embed, object'))) {
    const src =
      embed.getAttribute('src') ??
      embed.getAttribute('data') ??
      embed.querySelector('source[src]')?.getAttribute('src') ??
      null;
    const label = embed.getAttribute('title') ?? embed.getAttribute('aria-label') ?? '';
    const fallback = embed.tagName === 'OBJECT' ? (embed.textContent ?? '').trim() : '';
    replaceWithLinkOrText(embed, src, label || fallback || (isSafeHref(src) ? src : ''));
  }
}

/** GitHub renders `- [x] item` as a checkbox inside a plain list; the schema has task lists. */
function prepareTaskLists(root: HTMLElement): void {
  for (const list of Array.from(root.querySelectorAll('ul'))) {
    const items = Array.from(list.children).filter((child) => child.tagName === 'LI');
    const checkboxes = items.map((item) => {
      const first = item.querySelector('input[type="checkbox"]');
      return first !== null && first.closest('li') === item ? first : null;
    });
    if (items.length === 0 || checkboxes.some((box) => box === null)) continue;
    list.setAttribute('data-type', 'taskList');
    items.forEach((item, index) => {
      const box = checkboxes[index];
      item.setAttribute('data-type', 'taskItem');
      item.setAttribute('data-checked', box?.hasAttribute('checked') ? 'true' : 'false');
      box?.remove();
    });
  }
}

/** GitHub renders `> [!NOTE]` as `<div class="markdown-alert markdown-alert-note">`. */
function prepareAlerts(root: HTMLElement): void {
  for (const alert of Array.from(root.querySelectorAll('div.markdown-alert'))) {
    const kindClass = Array.from(alert.classList).find((c) => c.startsWith('markdown-alert-'));
    const kind = ALERT_KINDS[kindClass?.slice('markdown-alert-'.length) ?? ''] ?? 'info';
    alert.setAttribute('data-callout', '');
    alert.setAttribute('data-kind', kind);
    alert.querySelector('.markdown-alert-title')?.remove();
  }
}

/**
 * Rewrites parsed HTML in place so that the schema's parse rules keep as much as they can:
 * images get attachment URLs (or become links/alt text), embeds become links, GitHub task
 * lists and alerts become task lists and callouts. Everything else is left to the schema,
 * which drops unknown markup and keeps its text.
 */
export function prepareHTMLForSchema(
  root: HTMLElement,
  resolveImageSrc: ImageSrcResolver | undefined,
): void {
  prepareEmbeds(root);
  prepareImages(root, resolveImageSrc);
  prepareTaskLists(root);
  prepareAlerts(root);
}
