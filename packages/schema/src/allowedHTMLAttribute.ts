import { isMentionUserId } from './extensions/Mention';
import { isSafeHref } from './isSafeHref';
import { isSafeImageSrc } from './isSafeImageSrc';
import { isValidHeadingId } from './isValidHeadingId';

type Check = (value: string, tag: string) => boolean;

const any: Check = () => true;
const integer: Check = (value) => /^\d{1,4}$/.test(value);
const STYLE =
  /^((min-)?width: \d{1,5}(\.\d{1,3})?px|text-align: (left|right|center))(; ?((min-)?width: \d{1,5}(\.\d{1,3})?px|text-align: (left|right|center)))*;?$/;

const GLOBAL: Record<string, Check> = {
  class: (value) => /^[\w -]{0,200}$/.test(value),
  style: (value) => STYLE.test(value),
  'data-type': (value) => value === 'taskList' || value === 'taskItem',
  'data-checked': (value) => value === 'true' || value === 'false',
  'data-callout': (value) => value === '',
  'data-kind': (value) => /^(info|success|warning|danger)$/.test(value),
  'data-user-id': (value) => isMentionUserId(value),
};

const BY_TAG: Record<string, Record<string, Check>> = {
  a: {
    href: (value) => isSafeHref(value),
    title: any,
    target: (value) => value === '_blank',
    rel: (value) => value === 'noopener noreferrer nofollow',
  },
  img: { src: (value) => isSafeImageSrc(value), alt: any, title: any },
  ol: { start: integer, type: (value) => /^[1aAiI]$/.test(value) },
  td: {
    colspan: integer,
    rowspan: integer,
    colwidth: (value) => /^\d{1,5}(,\d{1,5})*$/.test(value),
  },
  th: {
    colspan: integer,
    rowspan: integer,
    colwidth: (value) => /^\d{1,5}(,\d{1,5})*$/.test(value),
  },
  input: {
    type: (value) => value === 'checkbox',
    checked: (value) => value === 'checked' || value === '',
    disabled: (value) => value === 'disabled' || value === '',
  },
};
for (const level of [1, 2, 3, 4, 5, 6]) {
  BY_TAG[`h${level}`] = { id: (value) => isValidHeadingId(value) };
}

/** The elements a rendered page may contain. Anything else is a bug and is not emitted. */
export const ALLOWED_HTML_TAGS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'strong',
  'em',
  's',
  'u',
  'code',
  'mark',
  'a',
  'ul',
  'ol',
  'li',
  'blockquote',
  'pre',
  'table',
  'tbody',
  'tr',
  'th',
  'td',
  'colgroup',
  'col',
  'hr',
  'br',
  'img',
  'div',
  'label',
  'input',
  'span',
]);

/** Whether an attribute with this value may appear on this element of a rendered page. */
export function allowedHTMLAttribute(tag: string, name: string, value: string): boolean {
  const check = BY_TAG[tag]?.[name] ?? GLOBAL[name];
  return check?.(value, tag) === true;
}
