import type { JSONContent } from '@tiptap/core';
import { isSafeHref } from './isSafeHref';

/** A link of a page: its target and its visible text. */
export interface LinkInfo {
  href: string;
  text: string;
}

function linkHref(node: JSONContent): string | null {
  const mark = node.marks?.find((m) => m.type === 'link');
  const href: unknown = mark?.attrs?.href;
  return isSafeHref(href) ? href : null;
}

function collect(node: JSONContent, into: LinkInfo[]): void {
  let open: LinkInfo | null = null;
  for (const child of node.content ?? []) {
    const href = child.type === 'text' || child.type === 'image' ? linkHref(child) : null;
    if (href === null) {
      open = null;
      collect(child, into);
      continue;
    }
    const text = child.type === 'text' ? (child.text ?? '') : String(child.attrs?.alt ?? '');
    if (open !== null && open.href === href) {
      open.text += text;
    } else {
      open = { href, text };
      into.push(open);
    }
  }
}

/**
 * Lists the links of a document in order, one entry per run of text under the same link
 * (a link whose text is partly bold is still one link). Disallowed targets are left out.
 */
export function extractLinks(json: JSONContent): LinkInfo[] {
  const links: LinkInfo[] = [];
  collect(json, links);
  return links;
}
