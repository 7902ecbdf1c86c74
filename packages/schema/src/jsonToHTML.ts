import type { JSONContent } from '@tiptap/core';
import type { DOMOutputSpec, Mark, Node as PMNode } from '@tiptap/pm/model';
import { ALLOWED_HTML_TAGS, allowedHTMLAttribute } from './allowedHTMLAttribute';
import { escapeHTML } from './escapeHTML';
import { getSchema } from './getSchema';
import { sanitizeJSON } from './sanitizeJSON';

const VOID_TAGS = new Set(['br', 'hr', 'img', 'input', 'col']);

type Attrs = Record<string, unknown>;

function renderAttrs(tag: string, attrs: Attrs): string {
  let out = '';
  for (const [name, raw] of Object.entries(attrs)) {
    if (raw === null || raw === undefined) continue;
    // `data-*` attributes carry booleans as text (`data-checked="false"`); others are flags.
    const data = name.startsWith('data-');
    if (raw === false && !data) continue;
    const value = raw === true && !data ? '' : String(raw);
    if (!/^[a-z][a-z0-9-]*$/.test(name) || !allowedHTMLAttribute(tag, name, value)) continue;
    out += raw === true && !data ? ` ${name}` : ` ${name}="${escapeHTML(value)}"`;
  }
  return out;
}

/**
 * Renders a DOMOutputSpec (the `renderHTML` result of the schema) as an HTML string. `hole` is
 * called where the spec puts its content (`0`).
 */
function renderSpec(spec: DOMOutputSpec, hole: () => string): string {
  if (typeof spec === 'string') return escapeHTML(spec);
  if (!Array.isArray(spec)) return '';
  const [rawTag, ...rest] = spec as readonly unknown[];
  if (typeof rawTag !== 'string') return '';
  const tag = rawTag.toLowerCase();
  let children = rest;
  let attrs: Attrs = {};
  const first = rest[0];
  if (first !== null && typeof first === 'object' && !Array.isArray(first)) {
    attrs = first as Attrs;
    children = rest.slice(1);
  }
  const inner = children
    .map((child) => (child === 0 ? hole() : renderSpec(child as DOMOutputSpec, hole)))
    .join('');
  if (!ALLOWED_HTML_TAGS.has(tag)) return inner;
  const open = `<${tag}${renderAttrs(tag, attrs)}>`;
  return VOID_TAGS.has(tag) ? open : `${open}${inner}</${tag}>`;
}

function renderMark(mark: Mark, content: string): string {
  const toDOM = mark.type.spec.toDOM;
  return toDOM ? renderSpec(toDOM(mark, true), () => content) : content;
}

function renderInline(parent: PMNode): string {
  // Marks are opened and closed as runs so `<strong>a<em>b</em></strong>` stays one element.
  let out = '';
  const open: { mark: Mark; content: string }[] = [];
  const closeTo = (depth: number): void => {
    while (open.length > depth) {
      const top = open.pop();
      if (top === undefined) break;
      const html = renderMark(top.mark, top.content);
      const parentFrame = open[open.length - 1];
      if (parentFrame) parentFrame.content += html;
      else out += html;
    }
  };
  const append = (html: string): void => {
    const top = open[open.length - 1];
    if (top) top.content += html;
    else out += html;
  };
  parent.forEach((child) => {
    let keep = 0;
    while (
      keep < open.length &&
      keep < child.marks.length &&
      open[keep]?.mark.eq(child.marks[keep] as Mark)
    ) {
      keep++;
    }
    closeTo(keep);
    for (const mark of child.marks.slice(keep)) open.push({ mark, content: '' });
    append(child.isText ? escapeHTML(child.text ?? '') : renderNode(child));
  });
  closeTo(0);
  return out;
}

function renderContent(node: PMNode): string {
  if (node.inlineContent) return renderInline(node);
  let out = '';
  node.forEach((child) => {
    out += renderNode(child);
  });
  return out;
}

function renderNode(node: PMNode): string {
  const toDOM = node.type.spec.toDOM;
  if (!toDOM) return renderContent(node);
  return renderSpec(toDOM(node), () => renderContent(node));
}

/**
 * Renders a document as sanitized HTML without a DOM, through the schema's own `renderHTML`
 * rules, so it matches what the editor shows. The document is first coerced to the schema
 * ({@link sanitizeJSON}); then only known elements and attributes with allowed values are
 * written, and all text and attribute values are escaped. The result cannot carry scripts,
 * event handlers or `javascript:`/`data:` URLs. Headings carry their `id` for anchors.
 */
export function jsonToHTML(json: JSONContent): string {
  const doc = getSchema().nodeFromJSON(sanitizeJSON(json));
  return renderContent(doc);
}
