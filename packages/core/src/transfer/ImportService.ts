import type { AccessPolicy } from '../access/AccessPolicy';
import type { User } from '../accounts/User';
import type { Clock } from '../Clock';
import { DomainError, NotFoundError, ValidationError } from '../DomainError';
import type { EventLog } from '../events/EventLog';
import type { Page } from '../pages/Page';
import type { PageService } from '../pages/PageService';
import { normalizeTitle } from '../pages/pageTitle';
import type { Space } from '../pages/Space';
import type { JsonObject } from '../revisions/Revision';
import type { VersionedContent } from '../revisions/VersionedContent';
import type { BackgroundWork } from './BackgroundWork';
import { checkTransferPath } from './checkTransferPath';
import { frontMatterOrder, frontMatterTitle } from './frontMatterFields';
import type { ImportSourceStore } from './ImportSourceStore';
import type { ImportSummary } from './ImportSummary';
import { isMarkdownPath } from './isMarkdownPath';
import type { MarkdownCodec } from './MarkdownCodec';
import { type PlannedPage, planImportTree } from './planImportTree';
import { resolveImportLink } from './resolveImportLink';
import { resolveImportPath } from './resolveImportPath';
import { documentReferences, rewriteDocument } from './rewriteDocument';
import { SourceLines } from './SourceLines';
import { sortPlannedSiblings } from './sortPlannedSiblings';
import type { TransferAttachments } from './TransferAttachments';
import type { TransferFile } from './TransferFile';
import { takeTitleHeading } from './takeTitleHeading';

export interface ImportServiceOptions {
  readonly pages: Pick<
    PageService,
    'getSpace' | 'getPageMeta' | 'createPage' | 'renamePage' | 'trashPage'
  >;
  /** An import needs the editor role in its space and edit access to the pages it updates. */
  readonly policy: Pick<AccessPolicy, 'requireSpace' | 'requirePage'>;
  /** Writes bodies through the live documents, so people editing a page see the import merge in. */
  readonly content: Pick<VersionedContent, 'write'>;
  readonly revisions: {
    captureBeforeOverwrite(
      pageId: string,
      kind: 'before-import',
      actor: User | null,
    ): Promise<unknown>;
  };
  readonly sources: ImportSourceStore;
  readonly codec: MarkdownCodec;
  readonly clock: Clock;
  /** Where imported images go; without it, images stay links to their files and are reported missing. */
  readonly attachments?: TransferAttachments | null;
  /** Where the end of an import is told (`import.finished`), so consumers catch up at once. */
  readonly events: Pick<EventLog, 'append'>;
  /** Background work (search indexing) held back while an import writes, then caught up. */
  readonly background?: BackgroundWork | null;
}

export interface ImportRequest {
  /** Space id or slug. */
  readonly space: string;
  /** The page the tree goes under; the space's top level when absent. */
  readonly parentId?: string | null;
  /** The imported folder's files, paths relative to it. Files other than Markdown may be images. */
  readonly files: readonly TransferFile[];
  readonly onProgress?: (done: number, total: number) => void;
}

interface ParsedPage {
  readonly planned: PlannedPage;
  readonly file: string;
  readonly title: string;
  readonly body: JsonObject;
  readonly lines: SourceLines;
  /** Image file paths the body refers to by placeholder. */
  readonly images: readonly string[];
  /** Sources of images not found, which the body keeps as links: reported once, as images. */
  readonly missingImages: ReadonlySet<string>;
}

const placeholderPrefix = '/api/attachments/pending-import/';

/**
 * Imports a folder of Markdown files as a page tree (see `planImportTree`): everything is read,
 * decoded, converted and checked first, so bad input changes nothing. Then pages are created or
 * matched with those of an earlier import of the same tree, images are uploaded, and bodies are
 * written with links between the files turned into page links (`/s/<shortId>#anchor`). A page
 * that already exists keeps a "before import" revision and is updated through its live
 * document, so people editing it at that moment keep what they type.
 */
export class ImportService {
  readonly #options: ImportServiceOptions;
  /** One import at a time per space, so two imports of the same tree cannot both create it. */
  readonly #running = new Map<string, Promise<unknown>>();

  constructor(options: ImportServiceOptions) {
    this.#options = options;
  }

  async importFiles(actor: User, request: ImportRequest): Promise<ImportSummary> {
    const { space } = this.#options.policy.requireSpace(actor, request.space, 'editor');
    const previous = this.#running.get(space.id) ?? Promise.resolve();
    const background = this.#options.background;
    const run = previous
      .catch(() => {})
      .then(() =>
        background
          ? background.pauseWhile(() => this.#import(actor, space, request))
          : this.#import(actor, space, request),
      );
    this.#running.set(space.id, run);
    try {
      return await run;
    } finally {
      if (this.#running.get(space.id) === run) this.#running.delete(space.id);
    }
  }

  async #import(actor: User, space: Space, request: ImportRequest): Promise<ImportSummary> {
    const { pages, sources, attachments = null } = this.#options;
    const rootPageId = this.#rootPage(actor, space.id, request.parentId ?? null);

    const files = new Map<string, Uint8Array>();
    for (const file of request.files) {
      checkTransferPath(file.path);
      if (files.has(file.path)) throw new ValidationError(`The file "${file.path}" appears twice.`);
      files.set(file.path, file.bytes);
    }
    const plan = planImportTree([...files.keys()]);
    if (plan.pages.length === 0) {
      throw new ValidationError('There is nothing to import: no Markdown (.md) files were found.');
    }

    const missingImages: { file: string; line: number; src: string }[] = [];
    /** Each image file's number, in order of first use, which names its placeholder. */
    const imageIndex = new Map<string, number>();
    const parsed = new Map<string, ParsedPage>();
    const orders = new Map<string, number>();
    for (const planned of plan.pages) {
      if (planned.file === null) continue;
      const file = planned.file;
      const text = decodeUtf8(file, files.get(file) ?? new Uint8Array());
      const lines = new SourceLines(text);
      const images: string[] = [];
      const missing = new Set<string>();
      const resolveImage = (src: string): string | null => {
        const path = resolveImportPath(src, file);
        if (attachments !== null && path !== null && files.has(path) && !isMarkdownPath(path)) {
          let index = imageIndex.get(path);
          if (index === undefined) {
            index = imageIndex.size;
            imageIndex.set(path, index);
          }
          if (!images.includes(path)) images.push(path);
          return `${placeholderPrefix}${index}`;
        }
        missingImages.push({ file, line: lines.lineOf(src), src });
        missing.add(src);
        return null;
      };
      let body: JsonObject;
      try {
        body = this.#options.codec.parse(text, resolveImage);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new ValidationError(`Could not convert "${file}": ${reason}`);
      }
      const frontMatter = this.#options.codec.readFrontMatter(text);
      const fromFrontMatter = frontMatterTitle(frontMatter);
      const order = frontMatterOrder(frontMatter);
      if (order !== null) orders.set(planned.key, order);
      const heading = fromFrontMatter === null ? takeTitleHeading(body) : null;
      parsed.set(planned.key, {
        planned,
        file,
        title: fromFrontMatter ?? heading?.title ?? planned.fallbackTitle,
        body: heading?.body ?? body,
        lines,
        images,
        missingImages: missing,
      });
    }

    // Links are resolved to planned pages now, so the summary is known before anything is written.
    const unresolved: { file: string; line: number; href: string }[] = [];
    let resolved = 0;
    for (const page of parsed.values()) {
      for (const href of documentReferences(page.body).links) {
        if (page.missingImages.has(href)) continue;
        const target = resolveImportLink(href, page.file, plan);
        if (target.kind === 'page') resolved++;
        else if (target.kind === 'unresolved') {
          unresolved.push({ file: page.file, line: page.lines.lineOf(href), href });
        }
      }
    }

    const known = sources.pagesBySource(space.id, rootPageId);
    const existing = new Map<string, Page>();
    for (const planned of plan.pages) {
      const pageId = known.get(planned.key);
      const page = pageId === undefined ? null : this.#findPage(actor, pageId);
      if (page && page.spaceId === space.id && page.deletedAt === null) {
        // A page imported before that the actor may read but not edit is not overwritten.
        this.#options.policy.requirePage(actor, page.id, 'edit');
        existing.set(planned.key, page);
      }
    }

    const ordered = sortPlannedSiblings(plan.pages, (key) => orders.get(key) ?? null);
    const total = plan.pages.length + parsed.size;
    let done = 0;
    const progress = () => request.onProgress?.(++done, total);
    const pageOf = new Map<string, Page>(existing);
    const created: PlannedPage[] = [];
    let imported = 0;
    try {
      for (const planned of ordered) {
        if (!pageOf.has(planned.key)) {
          const parentId =
            planned.parentKey === null ? rootPageId : (pageOf.get(planned.parentKey)?.id ?? null);
          const page = await pages.createPage(actor, {
            spaceId: space.id,
            title: parsed.get(planned.key)?.title ?? planned.fallbackTitle,
            parentId,
          });
          pageOf.set(planned.key, page);
          created.push(planned);
        }
        progress();
      }
      sources.record(
        space.id,
        rootPageId,
        plan.pages.map((planned) => ({
          sourcePath: planned.key,
          pageId: (pageOf.get(planned.key) as Page).id,
        })),
        this.#options.clock.now(),
      );

      for (const page of parsed.values()) {
        const target = pageOf.get(page.planned.key) as Page;
        const uploaded = new Map<string, string | null>();
        for (const path of page.images) {
          const src = `${placeholderPrefix}${imageIndex.get(path)}`;
          try {
            const { url } = await (attachments as TransferAttachments).upload(actor, target.id, {
              filename: path.slice(path.lastIndexOf('/') + 1),
              bytes: files.get(path) ?? new Uint8Array(),
            });
            uploaded.set(src, url);
            imported++;
          } catch (error) {
            // A refused image (type, size) is reported and left out; the import goes on.
            if (!(error instanceof DomainError)) throw error;
            uploaded.set(src, null);
            missingImages.push({ file: page.file, line: 1, src: path });
          }
        }
        const body = rewriteDocument(page.body, {
          link: (href) => {
            const linked = resolveImportLink(href, page.file, plan);
            if (linked.kind !== 'page') return href;
            const shortId = pageOf.get(linked.key)?.shortId;
            if (shortId === undefined) return href;
            return `/s/${shortId}${linked.anchor === null ? '' : `#${encodeURI(linked.anchor)}`}`;
          },
          image: (src) => (src.startsWith(placeholderPrefix) ? (uploaded.get(src) ?? null) : src),
        });
        const title = normalizeTitle(page.title);
        if (existing.has(page.planned.key)) {
          await this.#options.revisions.captureBeforeOverwrite(target.id, 'before-import', actor);
        }
        await this.#options.content.write(target.id, { title, body }, actor.id);
        if (existing.has(page.planned.key) && target.title !== title) {
          await pages.renamePage(actor, target.id, title);
        }
        progress();
      }
    } catch (error) {
      await this.#undoCreated(actor, space.id, rootPageId, created, pageOf);
      throw error;
    }
    this.#options.events.append({
      type: 'import.finished',
      pageId: rootPageId,
      spaceId: space.id,
      actorId: actor.id,
      at: this.#options.clock.now(),
      data: {
        pagesCreated: created.length,
        pagesUpdated: plan.pages.length - created.length,
        pageIds: plan.pages.map((planned) => (pageOf.get(planned.key) as Page).id),
      },
    });
    return {
      pages: { created: created.length, updated: plan.pages.length - created.length },
      links: { resolved, unresolved },
      images: { imported, missing: missingImages },
    };
  }

  #rootPage(actor: User, spaceId: string, parentId: string | null): string | null {
    if (parentId === null) return null;
    const parent = this.#findPage(actor, parentId);
    if (!parent || parent.spaceId !== spaceId || parent.deletedAt !== null) {
      throw new NotFoundError('The parent page', 'parent_not_found');
    }
    this.#options.policy.requirePage(actor, parent.id, 'edit');
    return parent.id;
  }

  #findPage(actor: User, pageId: string): Page | null {
    try {
      return this.#options.pages.getPageMeta(actor, pageId);
    } catch (error) {
      if (error instanceof NotFoundError) return null;
      throw error;
    }
  }

  /** After a failure mid-way, the pages this import created go to the trash and are forgotten. */
  async #undoCreated(
    actor: User,
    spaceId: string,
    rootPageId: string | null,
    created: readonly PlannedPage[],
    pageOf: ReadonlyMap<string, Page>,
  ): Promise<void> {
    const createdKeys = new Set(created.map((planned) => planned.key));
    for (const planned of created) {
      if (planned.parentKey !== null && createdKeys.has(planned.parentKey)) continue;
      const page = pageOf.get(planned.key);
      try {
        if (page) this.#options.pages.trashPage(actor, page.id);
      } catch {
        // Best effort: the original error is what the caller needs to see.
      }
    }
    this.#options.sources.forget(spaceId, rootPageId, [...createdKeys]);
  }
}

function decodeUtf8(file: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ValidationError(
      `"${file}" is not valid UTF-8 text. Save it as UTF-8 and import again.`,
    );
  }
}
