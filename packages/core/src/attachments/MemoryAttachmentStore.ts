import type { Attachment } from './Attachment';
import type { AttachmentStore } from './AttachmentStore';

/** `AttachmentStore` in memory, for tests and tools that need no database. */
export class MemoryAttachmentStore implements AttachmentStore {
  readonly #attachments = new Map<string, Attachment>();

  insertAttachment(attachment: Attachment): void {
    if (this.#attachments.has(attachment.id)) {
      throw new Error(`Attachment ${attachment.id} already exists.`);
    }
    this.#attachments.set(attachment.id, attachment);
  }

  findAttachment(id: string): Attachment | null {
    return this.#attachments.get(id) ?? null;
  }

  listAttachments(pageId: string): Attachment[] {
    return [...this.#attachments.values()]
      .filter((attachment) => attachment.pageId === pageId)
      .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  }
}
