/** An attachment as `POST /api/pages/:id/attachments` returns it. */
export interface UploadedAttachment {
  id: string;
  pageId: string;
  filename: string;
  mediaType: string;
  size: number;
  sha256: string;
  /** `/api/attachments/<id>/<filename>`: usable as an image `src` or a link `href`. */
  url: string;
  /** Shown as an image (raster or SVG) rather than linked. */
  isImage: boolean;
}
