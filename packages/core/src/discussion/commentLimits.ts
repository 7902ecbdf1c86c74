/** Characters a comment's Markdown body may have. */
export const commentBodyMaxLength = 10_000;
/** Characters an anchor's quoted text may have. */
export const commentQuoteMaxLength = 1_000;
/** Characters of one encoded relative position (base64); real ones are a few dozen. */
export const anchorPositionMaxLength = 1_000;
