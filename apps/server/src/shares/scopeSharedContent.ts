import { parsePageHref, type SharedScope } from '@lore/core';
import type { JSONContent } from '@lore/page-document';
import { sharedFilePath, sharedSubpagePath, sharedViewPath } from './sharePaths';

export interface SharedContentContext {
  readonly scope: SharedScope;
  readonly secret: string;
  /** This wiki's origin, for absolute links to it and for image addresses. */
  readonly origin: string;
  /** The attachment's file name when its page is in the share, else null. */
  attachmentName(attachmentId: string): string | null;
}

type Mark = NonNullable<JSONContent['marks']>[number];

const attachmentPath = /^\/api\/attachments\/([^/?#]+)(?:\/[^?#]*)?$/;

/**
 * A page's document made fit for the public view of a share, before the usual sanitized
 * rendering: links to shared pages and their attachments point inside the share, links to
 * anything else of the wiki become plain text (so the titles and addresses of pages outside
 * the share never show), and images are served from the share — or, when they are not shared
 * or live on other sites (which the view's policy does not load), left as their text.
 */
export function scopeSharedContent(doc: JSONContent, context: SharedContentContext): JSONContent {
  return rewriteNode(doc, context)[0] ?? { type: 'doc', content: [] };
}

function rewriteNode(node: JSONContent, context: SharedContentContext): JSONContent[] {
  const marks = node.marks?.flatMap((mark) => rewriteMark(mark, context));
  const marked = node.marks ? { ...node, marks } : node;
  if (node.type === 'image') return rewriteImage(marked, context);
  return [
    {
      ...marked,
      ...(node.content
        ? { content: node.content.flatMap((child) => rewriteNode(child, context)) }
        : {}),
    },
  ];
}

function rewriteMark(mark: Mark, context: SharedContentContext): Mark[] {
  if (mark.type !== 'link') return [mark];
  const href = mark.attrs?.href;
  if (typeof href !== 'string') return [];
  const target = sharedHref(href, context);
  return target === null ? [] : [{ ...mark, attrs: { ...mark.attrs, href: target } }];
}

/** Where a link of a shared page leads in the public view; null to show it as plain text. */
function sharedHref(href: string, context: SharedContentContext): string | null {
  const trimmed = href.trim();
  if (trimmed.startsWith('#')) return trimmed;
  const page = parsePageHref(trimmed, { origin: context.origin });
  if (page !== null) {
    const shared = context.scope.page(page.shortId);
    if (shared === null) return null;
    const path =
      shared.id === context.scope.root.id
        ? sharedViewPath(context.secret)
        : sharedSubpagePath(context.secret, shared.shortId);
    return page.anchor === null ? path : `${path}#${encodeURIComponent(page.anchor)}`;
  }
  const internal = internalPath(trimmed, context.origin);
  if (internal === null) return trimmed;
  const file = sharedFile(internal, context);
  // Anything else of the wiki (the app, the API) is not part of the share.
  return file;
}

function rewriteImage(node: JSONContent, context: SharedContentContext): JSONContent[] {
  const src = typeof node.attrs?.src === 'string' ? node.attrs.src : '';
  const alt = typeof node.attrs?.alt === 'string' ? node.attrs.alt.trim() : '';
  const internal = internalPath(src, context.origin);
  const file = internal === null ? null : sharedFile(internal, context);
  if (file !== null) {
    // Absolute: the schema renders images from attachments or http(s) addresses only.
    return [{ ...node, attrs: { ...node.attrs, src: `${context.origin}${file}` } }];
  }
  if (internal === null && /^https?:\/\//i.test(src)) {
    return [
      {
        type: 'text',
        text: alt || src,
        marks: [{ type: 'link', attrs: { href: src, title: null } }],
      },
    ];
  }
  return alt ? [{ type: 'text', text: alt }] : [];
}

/** The path of a link to this wiki (relative, or absolute on its origin); null for elsewhere. */
function internalPath(href: string, origin: string): string | null {
  if (href.startsWith('/') && !href.startsWith('//')) return href;
  try {
    const url = new URL(href);
    return url.origin === origin ? `${url.pathname}${url.search}${url.hash}` : null;
  } catch {
    // Relative without a leading slash (`page.md`, `?q`): resolved against the view, not the app.
    return /^[a-z][a-z0-9+.-]*:/i.test(href) ? null : '';
  }
}

/** The share's address of an attachment path when its page is shared, else null. */
function sharedFile(path: string, context: SharedContentContext): string | null {
  const match = attachmentPath.exec(path);
  if (!match?.[1]) return null;
  let id: string;
  try {
    id = decodeURIComponent(match[1]);
  } catch {
    return null;
  }
  const name = context.attachmentName(id);
  return name === null ? null : sharedFilePath(context.secret, id, name);
}
