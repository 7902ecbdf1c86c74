import { createHash, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { AccessPolicy } from '../access/AccessPolicy';
import type { User } from '../accounts/User';
import type { Clock } from '../Clock';
import { NotFoundError, ValidationError } from '../DomainError';
import type { EventLog } from '../events/EventLog';
import type { Page } from '../pages/Page';
import type { PageStore } from '../pages/PageStore';
import type { Attachment } from './Attachment';
import type { AttachmentStore } from './AttachmentStore';
import { AttachmentTooLargeError } from './AttachmentTooLargeError';
import type { BlobStore } from './BlobStore';
import { sanitizeFilename } from './sanitizeFilename';
import { sniffMediaType } from './sniffMediaType';
import { UnsupportedAttachmentTypeError } from './UnsupportedAttachmentTypeError';

export type AttachmentPageLookup = Pick<
  PageStore,
  'findPageById' | 'findPageByShortId' | 'transaction'
>;

/** Default upload limit: 25 MiB. */
export const defaultAttachmentMaxBytes = 25 * 1024 * 1024;

export interface AttachmentServiceOptions {
  readonly attachments: AttachmentStore;
  readonly blobs: BlobStore;
  /** Only page lookups are needed: attachments follow their page's existence and trash state. */
  readonly pages: AttachmentPageLookup;
  /** Uploading needs edit access to the page; reading needs read access. */
  readonly policy: AccessPolicy;
  readonly clock: Clock;
  /** Where an upload writes `attachment.added`, in the same transaction as its row. */
  readonly events: EventLog;
  /** Largest upload accepted, in bytes (default 25 MiB). */
  readonly maxBytes?: number;
}

export interface NewAttachment {
  /** The name the uploader gave; it is sanitised, never trusted. */
  readonly filename: string;
  readonly bytes: Uint8Array;
}

/** An attachment the actor may read, with ways to get its bytes. */
export interface OpenedAttachment {
  readonly attachment: Attachment;
  read(): Promise<Uint8Array>;
  stream(): Readable;
}

/**
 * Files attached to pages. Uploading needs edit access to a live page; reading follows the
 * page: whoever may read it, as long as it is not in the trash (itself or above).
 */
export class AttachmentService {
  readonly #attachments: AttachmentStore;
  readonly #blobs: BlobStore;
  readonly #pages: AttachmentPageLookup;
  readonly #policy: AccessPolicy;
  readonly #clock: Clock;
  readonly #events: EventLog;
  /** Largest upload accepted, in bytes. */
  readonly maxBytes: number;

  constructor(options: AttachmentServiceOptions) {
    this.#attachments = options.attachments;
    this.#blobs = options.blobs;
    this.#pages = options.pages;
    this.#policy = options.policy;
    this.#clock = options.clock;
    this.#events = options.events;
    this.maxBytes = options.maxBytes ?? defaultAttachmentMaxBytes;
  }

  /**
   * Stores a file on a page. The media type comes from the bytes (`sniffMediaType`); programs
   * are refused. Identical bytes are stored once, whatever their names and pages.
   * @throws PermissionDeniedError without edit access, NotFoundError `page_not_found`,
   *   AttachmentTooLargeError, UnsupportedAttachmentTypeError, ValidationError for empty files.
   */
  async upload(actor: User, pageId: string, file: NewAttachment): Promise<Attachment> {
    const page = this.#editableLivePage(actor, pageId);
    this.assertSize(file.bytes.byteLength);
    if (file.bytes.byteLength === 0) throw new ValidationError('The file is empty.');
    const sniffed = sniffMediaType(file.bytes);
    if (!sniffed.accepted) throw new UnsupportedAttachmentTypeError(sniffed.kind);
    const sha256 = createHash('sha256').update(file.bytes).digest('hex');
    // Bytes first: a crash in between leaves an unreferenced blob, never a row without bytes.
    await this.#blobs.put(sha256, file.bytes);
    const attachment: Attachment = {
      id: randomUUID(),
      pageId: page.id,
      filename: sanitizeFilename(file.filename),
      mediaType: sniffed.mediaType,
      size: file.bytes.byteLength,
      sha256,
      createdBy: actor.id,
      createdAt: this.#clock.now(),
    };
    this.#pages.transaction(() => {
      this.#attachments.insertAttachment(attachment);
      this.#events.append({
        type: 'attachment.added',
        pageId: page.id,
        spaceId: page.spaceId,
        actorId: actor.id,
        at: attachment.createdAt,
        data: { attachmentId: attachment.id, fileName: attachment.filename },
      });
    });
    return attachment;
  }

  /**
   * Throws AttachmentTooLargeError when `size` bytes exceed the limit; lets the transport refuse
   * an upload before reading it all.
   */
  assertSize(size: number): void {
    if (size > this.maxBytes) throw new AttachmentTooLargeError(this.maxBytes);
  }

  /**
   * Checks that `actor` may upload to the page, without uploading: lets the transport refuse
   * before reading a large body.
   * @throws PermissionDeniedError, NotFoundError `page_not_found`.
   */
  assertCanUpload(actor: User, pageId: string): void {
    this.#editableLivePage(actor, pageId);
  }

  /**
   * An attachment and its bytes, for a signed-in actor.
   * @throws NotFoundError `attachment_not_found` when it or its page is missing or trashed.
   */
  open(actor: User, attachmentId: string): OpenedAttachment {
    return this.openWithin(attachmentId, (page) => this.#policy.pageAccess(actor, page) !== 'none');
  }

  /**
   * An attachment of a live page that `pageVisible` accepts, for doors other than a signed-in
   * person (a public share link decides which pages its visitors see).
   * @throws NotFoundError `attachment_not_found` when it or its page is missing, trashed or not
   *   accepted.
   */
  openWithin(attachmentId: string, pageVisible: (page: Page) => boolean): OpenedAttachment {
    const attachment = this.#attachments.findAttachment(attachmentId);
    const page = attachment ? this.#livePage(attachment.pageId) : null;
    if (!attachment || !page || !pageVisible(page)) {
      throw new NotFoundError('The attachment', 'attachment_not_found');
    }
    const blobs = this.#blobs;
    return {
      attachment,
      read: () => blobs.read(attachment.sha256),
      stream: () => blobs.stream(attachment.sha256),
    };
  }

  /** A live page's attachments, oldest first. */
  list(actor: User, pageId: string): Attachment[] {
    const page = this.#livePage(this.#policy.requirePage(actor, pageId, 'read').id);
    if (!page) throw new NotFoundError('The page', 'page_not_found');
    return this.#attachments.listAttachments(page.id);
  }

  /** A live page the actor may edit: `page_not_found` when they cannot read it, else 403. */
  #editableLivePage(actor: User, pageId: string): Page {
    const readable = this.#policy.requirePage(actor, pageId, 'read');
    const page = this.#livePage(readable.id);
    if (!page) throw new NotFoundError('The page', 'page_not_found');
    return this.#policy.requirePage(actor, page.id, 'edit');
  }

  /** The page by id or short id when neither it nor any page above it is in the trash. */
  #livePage(pageId: string): Page | null {
    const page = this.#pages.findPageById(pageId) ?? this.#pages.findPageByShortId(pageId);
    // The same walk as `isPageLive`, over the two lookups this service is given.
    const seen = new Set<string>();
    for (let current = page; current !== null; ) {
      if (current.deletedAt !== null || seen.has(current.id)) return null;
      seen.add(current.id);
      current = current.parentId === null ? null : this.#pages.findPageById(current.parentId);
    }
    return page;
  }
}
