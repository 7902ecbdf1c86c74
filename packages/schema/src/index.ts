export type { JSONContent } from '@tiptap/core';
export { ALLOWED_HTML_TAGS, allowedHTMLAttribute } from './allowedHTMLAttribute';
export { applyJSONToYDoc } from './applyJSONToYDoc';
export { attributeValueProblem, checkAttributeValues } from './checkAttributeValues';
export {
  type RenderCommentOptions,
  renderCommentMarkdown,
} from './comments/renderCommentMarkdown';
export { type CreateExtensionsOptions, createExtensions } from './createExtensions';
export { ensureHeadingIds } from './ensureHeadingIds';
export { AttachmentImage } from './extensions/AttachmentImage';
export {
  CALLOUT_KINDS,
  Callout,
  type CalloutKind,
  isCalloutKind,
} from './extensions/Callout';
export { CommentMark, isCommentThreadId } from './extensions/CommentMark';
export { HeadingWithId } from './extensions/HeadingWithId';
export { InlineCode } from './extensions/InlineCode';
export { isMentionLabel, isMentionUserId, Mention } from './extensions/Mention';
export { SafeLink } from './extensions/SafeLink';
export { extractHeadings, type HeadingInfo } from './extractHeadings';
export { extractLinks, type LinkInfo } from './extractLinks';
export { extractMentions } from './extractMentions';
export { getSchema } from './getSchema';
export { headingIdPlugin, headingIdPluginKey } from './headingIdPlugin';
export { type HTMLToJSONOptions, htmlToJSON } from './htmlToJSON';
export type { ImageSrcResolver } from './ImageSrcResolver';
export { InvalidDocumentError } from './InvalidDocumentError';
export { isAnnotationMark } from './isAnnotationMark';
export { isSafeHref } from './isSafeHref';
export { isSafeImageSrc } from './isSafeImageSrc';
export { jsonToHTML } from './jsonToHTML';
export { type JSONToMarkdownOptions, jsonToMarkdown } from './jsonToMarkdown';
export { jsonToPlainText } from './jsonToPlainText';
export { jsonToYDoc } from './jsonToYDoc';
export { checkDocumentLimits } from './limits/checkDocumentLimits';
export { DocumentLimitError } from './limits/DocumentLimitError';
export {
  type DocumentLimitName,
  type DocumentLimits,
  documentLimits,
  readLimits,
} from './limits/documentLimits';
export {
  attributeLength,
  type DocumentExcess,
  findDocumentExcess,
} from './limits/findDocumentExcess';
export { type FittedDocument, fitDocumentLimits } from './limits/fitDocumentLimits';
export type { CalloutMarkerStyle } from './markdown/jsonToMdast';
export { type MarkdownToJSONOptions, markdownToJSON } from './markdownToJSON';
export { markNameOf } from './markNameOf';
export { pageBodyField, pageTitleField } from './pageDocumentFields';
export { readFragmentJSON } from './readFragmentJSON';
export { type FrontMatter, readFrontMatter } from './readFrontMatter';
export { sanitizeJSON, sanitizeWithinDepth } from './sanitizeJSON';
export { slugifyHeading } from './slugifyHeading';
export { validateJSON } from './validateJSON';
export { type YDocToJSONOptions, yDocToJSON } from './yDocToJSON';
