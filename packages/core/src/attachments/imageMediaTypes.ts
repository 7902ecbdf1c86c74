/** Raster image types browsers decode without running anything: safe to show inline. */
export const rasterImageTypes: ReadonlySet<string> = new Set([
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/avif',
]);

/** True for raster images, the only attachments served `Content-Disposition: inline`. */
export function isRasterImage(mediaType: string): boolean {
  return rasterImageTypes.has(mediaType);
}

/**
 * True for attachments the editor shows as an image: the raster types and SVG. An `<img>` never
 * runs an SVG's scripts, so SVG is safe there, though opened on its own it is only downloaded.
 */
export function isImageMediaType(mediaType: string): boolean {
  return isRasterImage(mediaType) || mediaType === 'image/svg+xml';
}
