import type { JsonObject, JsonValue } from '../revisions/Revision';

const isObject = (value: JsonValue | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function textOf(node: JsonObject): string {
  if (typeof node.text === 'string') return node.text;
  if (!Array.isArray(node.content)) return '';
  return (node.content as readonly JsonValue[])
    .map((child) => (isObject(child) ? textOf(child) : ''))
    .join('');
}

/**
 * The heading that names an imported page: the body's first block when it is a heading, else
 * its first level-1 heading. Returns its text and the body without it, or null when there is
 * none (or it has no text).
 */
export function takeTitleHeading(body: JsonObject): { title: string; body: JsonObject } | null {
  const blocks = Array.isArray(body.content) ? (body.content as readonly JsonValue[]) : [];
  const isHeading = (block: JsonValue | undefined): block is JsonObject =>
    isObject(block) && block.type === 'heading';
  let index = isHeading(blocks[0]) ? 0 : -1;
  if (index < 0) {
    index = blocks.findIndex(
      (block) => isHeading(block) && isObject(block.attrs) && block.attrs.level === 1,
    );
  }
  const heading = blocks[index];
  if (index < 0 || !isObject(heading)) return null;
  const title = textOf(heading).trim();
  if (title === '') return null;
  const rest = blocks.filter((_, i) => i !== index);
  // A document holds at least one block.
  return { title, body: { ...body, content: rest.length > 0 ? rest : [{ type: 'paragraph' }] } };
}
