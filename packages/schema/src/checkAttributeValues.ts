import type { Mark, Node as PMNode } from '@tiptap/pm/model';
import { isCalloutKind } from './extensions/Callout';
import { isCommentThreadId } from './extensions/CommentMark';
import { isMentionLabel, isMentionUserId } from './extensions/Mention';
import { isSafeHref } from './isSafeHref';
import { isSafeImageSrc } from './isSafeImageSrc';

/**
 * Returns why one attribute value of a node or mark type breaks the rules that the schema's
 * attribute defaults cannot express (URL policy, enumerations, ranges), or null when it is
 * fine. The one place these rules live: rendering, validation and the collaboration guard all
 * ask here.
 */
export function attributeValueProblem(type: string, name: string, value: unknown): string | null {
  switch (`${type}.${name}`) {
    case 'link.href':
      return isSafeHref(value) ? null : `link href not allowed: ${String(value)}`;
    case 'image.src':
      return isSafeImageSrc(value) ? null : `image src not allowed: ${String(value)}`;
    case 'heading.level':
      return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 6
        ? null
        : `heading level must be 1-6, got ${String(value)}`;
    case 'callout.kind':
      return isCalloutKind(value) ? null : `unknown callout kind: ${String(value)}`;
    case 'taskItem.checked':
      return typeof value === 'boolean' ? null : 'taskItem checked must be a boolean';
    case 'codeBlock.language':
      return value === null || typeof value === 'string'
        ? null
        : 'codeBlock language must be a string';
    case 'mention.userId':
      return isMentionUserId(value) ? null : `mention userId not allowed: ${String(value)}`;
    case 'mention.label':
      return isMentionLabel(value) ? null : 'mention label must be one line of 1-200 characters';
    case 'comment.threadId':
      return isCommentThreadId(value) ? null : `comment threadId not allowed: ${String(value)}`;
    case 'comment.resolved':
      return typeof value === 'boolean' ? null : 'comment resolved must be a boolean';
    default:
      return null;
  }
}

/**
 * Returns why a node's or mark's attributes break the rules of {@link attributeValueProblem},
 * or null when they are fine.
 */
export function checkAttributeValues(item: PMNode | Mark): string | null {
  const attrs = item.attrs as Record<string, unknown>;
  for (const name of Object.keys(attrs)) {
    const problem = attributeValueProblem(item.type.name, name, attrs[name]);
    if (problem !== null) return problem;
  }
  return null;
}
