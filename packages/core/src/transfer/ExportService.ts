import type { User } from '../accounts/User';
import type { AuditWriter } from '../audit/AuditWriter';
import { NotFoundError } from '../DomainError';
import type { PageTreeNode } from '../pages/Page';
import type { PageService } from '../pages/PageService';
import { parsePageHref } from '../pages/parsePageHref';
import type { VersionedContent } from '../revisions/VersionedContent';
import { escapeHtml } from '../search/escapeHtml';
import { layoutExport } from './layoutExport';
import type { MarkdownCodec } from './MarkdownCodec';
import { relativeHref } from './relativeHref';
import { rewriteDocument } from './rewriteDocument';
import type { TransferAttachments } from './TransferAttachments';
import type { TransferFile } from './TransferFile';

export type ExportFormat = 'markdown' | 'html';

export interface ExportServiceOptions {
  readonly pages: Pick<PageService, 'getSpace' | 'getPageMeta' | 'tree'>;
  readonly content: Pick<VersionedContent, 'read'>;
  readonly codec: MarkdownCodec;
  /** Reads images back as files; without it, images keep their URLs. */
  readonly attachments?: TransferAttachments | null;
  /** Where each export is recorded (`page.exported`, `space.exported`). */
  readonly audit?: AuditWriter | null;
}

export interface ExportRequest {
  readonly format: ExportFormat;
  /** Export this page (by id or short id)… */
  readonly pageId?: string;
  /** …with its subpages. */
  readonly subpages?: boolean;
  /** Or the whole space (id or slug). */
  readonly space?: string;
}

export interface ExportResult {
  /** A name for the archive, without extension. */
  readonly name: string;
  readonly files: TransferFile[];
}

const attachmentFolder = 'attachments';

/**
 * Exports a page, a page with its subpages, or a whole space as files: Markdown (front matter
 * `title`, GitHub-flavoured body) or standalone HTML pages, in the folder layout an import reads
 * back (`layoutExport`). Links between exported pages become relative file links; images
 * become files under `attachments/`.
 */
export class ExportService {
  readonly #options: ExportServiceOptions;

  constructor(options: ExportServiceOptions) {
    this.#options = options;
  }

  async exportPages(actor: User, request: ExportRequest): Promise<ExportResult> {
    const { pages } = this.#options;
    let roots: PageTreeNode[];
    let name: string;
    let record: () => void;
    if (request.pageId !== undefined) {
      const page = pages.getPageMeta(actor, request.pageId);
      const node =
        page.deletedAt === null ? findNode(pages.tree(actor, page.spaceId), page.id) : null;
      if (!node) throw new NotFoundError('The page', 'page_not_found');
      roots = [request.subpages ? node : { ...node, children: [] }];
      name = node.title;
      record = () =>
        this.#options.audit?.record({
          action: 'page.exported',
          actorId: actor.id,
          target: { kind: 'page', id: page.id, label: node.title },
          spaceId: page.spaceId,
          details: {
            format: request.format,
            subpages: request.subpages === true,
            pages: paths.size,
          },
        });
    } else {
      const space = pages.getSpace(actor, request.space ?? '');
      roots = pages.tree(actor, space.id);
      name = space.slug;
      record = () =>
        this.#options.audit?.record({
          action: 'space.exported',
          actorId: actor.id,
          target: { kind: 'space', id: space.id, label: space.name },
          spaceId: space.id,
          details: { format: request.format, pages: paths.size },
        });
    }
    const extension = request.format === 'html' ? 'html' : 'md';
    const paths = layoutExport(roots, extension);
    const pathOfShortId = new Map<string, string>();
    const orderOf = new Map<string, number>();
    const visit = (nodes: readonly PageTreeNode[]) => {
      nodes.forEach((node, index) => {
        pathOfShortId.set(node.shortId, paths.get(node.id) as string);
        orderOf.set(node.id, index + 1);
        visit(node.children);
      });
    };
    visit(roots);

    const files: TransferFile[] = [];
    const imageFiles = new Map<string, string | null>();
    const takenImageNames = new Set<string>();
    const encoder = new TextEncoder();
    for (const [pageId, path] of paths) {
      const state = await this.#options.content.read(pageId, (current) => current);
      const images: string[] = [];
      const linked = rewriteDocument(state.body, {
        link: (href) => {
          // `/s/<shortId>`, canonical page paths, with or without an anchor.
          const page = parsePageHref(href);
          const target = page ? pathOfShortId.get(page.shortId) : undefined;
          if (!page || target === undefined) return href;
          return `${relativeHref(path, target)}${page.anchor ? `#${encodeURI(page.anchor)}` : ''}`;
        },
        image: (src) => {
          images.push(src);
          return src;
        },
      });
      for (const src of images) {
        if (imageFiles.has(src)) continue;
        const file = await this.#options.attachments?.read(actor, src);
        if (!file) {
          imageFiles.set(src, null);
          continue;
        }
        // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are replaced
        const filename = file.filename.replace(/[/\\\u0000-\u001f]/g, '_') || 'image';
        const dot = filename.lastIndexOf('.');
        const stem = dot > 0 ? filename.slice(0, dot) : filename;
        const ext = dot > 0 ? filename.slice(dot) : '';
        let unique = filename;
        for (let n = 2; takenImageNames.has(unique.toLowerCase()); n++)
          unique = `${stem}-${n}${ext}`;
        takenImageNames.add(unique.toLowerCase());
        const imagePath = `${attachmentFolder}/${unique}`;
        imageFiles.set(src, imagePath);
        files.push({ path: imagePath, bytes: file.bytes });
      }
      const imageHref = (src: string) => {
        const imagePath = imageFiles.get(src);
        return imagePath ? relativeHref(path, imagePath) : null;
      };
      let text: string;
      if (request.format === 'html') {
        let html = this.#options.codec.toHtml(linked);
        // Relative image paths are not valid sources in a page body, so they are set in the HTML.
        for (const src of new Set(images)) {
          const href = imageHref(src);
          if (href !== null)
            html = html.split(`src="${escapeHtml(src)}"`).join(`src="${escapeHtml(href)}"`);
        }
        text = htmlDocument(state.title, html);
      } else {
        const body = rewriteDocument(linked, { image: (src) => imageHref(src) ?? src });
        const frontMatter = `title: ${JSON.stringify(state.title)}\norder: ${orderOf.get(pageId)}`;
        text = `---\n${frontMatter}\n---\n\n${this.#options.codec.toMarkdown(body)}`;
      }
      files.push({ path, bytes: encoder.encode(text) });
    }
    record();
    return { name, files };
  }
}

function findNode(nodes: readonly PageTreeNode[], id: string): PageTreeNode | null {
  for (const node of nodes) {
    if (node.id === id) return node;
    const found = findNode(node.children, id);
    if (found) return found;
  }
  return null;
}

function htmlDocument(title: string, body: string): string {
  const safeTitle = escapeHtml(title);
  return `<!doctype html>
<html>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${safeTitle}</title>
</head>
<body>
<h1>${safeTitle}</h1>
${body}
</body>
</html>
`;
}
