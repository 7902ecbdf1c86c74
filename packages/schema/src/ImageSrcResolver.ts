/**
 * Maps an image source found in imported content (often a relative file path such as
 * `../img/a.png`) to a URL the schema accepts, usually `/api/attachments/...` after uploading
 * the file. Returning null means "no attachment for this": the image is then kept as a link to
 * its source when that is an allowed link, else as its alt text.
 */
export type ImageSrcResolver = (src: string) => string | null;
