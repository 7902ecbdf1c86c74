import type { Mark, Node as PMNode } from '@tiptap/pm/model';
import { isCalloutKind } from './extensions/Callout';
import { isSafeHref } from './isSafeHref';
import { isSafeImageSrc } from './isSafeImageSrc';

/**
 * Returns why a node's or mark's attributes break the rules that the schema's attribute
 * defaults cannot express (URL policy, enumerations, ranges), or null when they are fine.
 */
export function checkAttributeValues(item: PMNode | Mark): string | null {
  const attrs = item.attrs as Record<string, unknown>;
  switch (item.type.name) {
    case 'link':
      return isSafeHref(attrs.href) ? null : `link href not allowed: ${String(attrs.href)}`;
    case 'image':
      return isSafeImageSrc(attrs.src) ? null : `image src not allowed: ${String(attrs.src)}`;
    case 'heading': {
      const level = attrs.level;
      return typeof level === 'number' && Number.isInteger(level) && level >= 1 && level <= 6
        ? null
        : `heading level must be 1-6, got ${String(level)}`;
    }
    case 'callout':
      return isCalloutKind(attrs.kind) ? null : `unknown callout kind: ${String(attrs.kind)}`;
    case 'taskItem':
      return typeof attrs.checked === 'boolean' ? null : 'taskItem checked must be a boolean';
    case 'codeBlock':
      return attrs.language === null || typeof attrs.language === 'string'
        ? null
        : 'codeBlock language must be a string';
    default:
      return null;
  }
}
