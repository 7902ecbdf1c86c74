import type { Attachment as AttachmentJson } from '@lore/api';
import { type Attachment, isImageMediaType } from '@lore/core';

/** The address an attachment is downloaded from; the name part is cosmetic. */
export const attachmentUrl = (attachment: Attachment): string =>
  `/api/attachments/${encodeURIComponent(attachment.id)}/${encodeURIComponent(attachment.filename)}`;

export function presentAttachment(attachment: Attachment): AttachmentJson {
  return {
    id: attachment.id,
    pageId: attachment.pageId,
    filename: attachment.filename,
    mediaType: attachment.mediaType,
    size: attachment.size,
    sha256: attachment.sha256,
    url: attachmentUrl(attachment),
    isImage: isImageMediaType(attachment.mediaType),
  };
}
