import { createHash } from 'node:crypto';
import type { JsonObject, JsonValue, PageState } from './Revision';

/** JSON with object keys sorted, so equal values always give equal text. */
export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
  const object = value as JsonObject;
  const keys = Object.keys(object)
    .filter((key) => object[key] !== undefined)
    .sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(object[key] as JsonValue)}`).join(',')}}`;
}

/**
 * A page state as canonical text: the title, the body without its blocks, then one line per
 * top-level block. Equal states give equal text (and hash), and a change to one paragraph
 * changes one line, which keeps stored deltas between revisions small.
 */
export function encodePageState(state: PageState): string {
  const { content, ...doc } = state.body;
  const blocks = Array.isArray(content) ? (content as readonly JsonValue[]) : [];
  return [JSON.stringify(state.title), canonicalJson(doc), ...blocks.map(canonicalJson)].join('\n');
}

/** The inverse of `encodePageState`; the body always gets a `content` array. */
export function decodePageState(text: string): PageState {
  const [titleLine, docLine, ...blockLines] = text.split('\n');
  if (titleLine === undefined || docLine === undefined) {
    throw new Error('Not an encoded page state.');
  }
  const title: unknown = JSON.parse(titleLine);
  const doc: unknown = JSON.parse(docLine);
  if (typeof title !== 'string' || doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new Error('Not an encoded page state.');
  }
  return {
    title,
    body: { ...(doc as JsonObject), content: blockLines.map((line) => JSON.parse(line)) },
  };
}

/** SHA-256 (hex) of a state's canonical text: the identity of a content state. */
export function pageStateHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
