import {
  type AttachmentService,
  NotFoundError,
  type StoredAttachmentFile,
  type TransferAttachments,
  type User,
} from '@lore/core';
import { attachmentUrl } from '../attachments/presentAttachment';

const attachmentPath = /^\/api\/attachments\/([^/?#]+)/;

/** Imported images become attachments of their page; exported images are read back from them. */
export class AttachmentServiceTransfer implements TransferAttachments {
  readonly #attachments: AttachmentService;

  constructor(attachments: AttachmentService) {
    this.#attachments = attachments;
  }

  async upload(
    actor: User,
    pageId: string,
    file: { readonly filename: string; readonly bytes: Uint8Array },
  ): Promise<{ readonly url: string }> {
    return { url: attachmentUrl(await this.#attachments.upload(actor, pageId, file)) };
  }

  async read(actor: User, url: string): Promise<StoredAttachmentFile | null> {
    const match = attachmentPath.exec(url);
    if (!match) return null;
    let id: string;
    try {
      id = decodeURIComponent(match[1] as string);
    } catch {
      return null;
    }
    try {
      const opened = this.#attachments.open(actor, id);
      return { filename: opened.attachment.filename, bytes: await opened.read() };
    } catch (error) {
      if (error instanceof NotFoundError) return null;
      throw error;
    }
  }
}
