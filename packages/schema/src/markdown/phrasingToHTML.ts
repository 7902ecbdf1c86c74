import type { Definition, PhrasingContent } from 'mdast';
import { escapeHTML } from '../escapeHTML';

function attr(name: string, value: string | null | undefined): string {
  return value === null || value === undefined ? '' : ` ${name}="${escapeHTML(value)}"`;
}

/**
 * Renders Markdown inline content as HTML, passing raw inline HTML through, so that a
 * paragraph mixing both can be read with the schema's HTML parse rules. Only used for such
 * mixed paragraphs: tags like `<a href>…</a>` span several Markdown nodes.
 */
export function phrasingToHTML(
  nodes: readonly PhrasingContent[],
  definitions: ReadonlyMap<string, Definition>,
): string {
  return nodes
    .map((node): string => {
      switch (node.type) {
        case 'text':
          return escapeHTML(node.value);
        case 'html':
          return node.value;
        case 'emphasis':
          return `<em>${phrasingToHTML(node.children, definitions)}</em>`;
        case 'strong':
          return `<strong>${phrasingToHTML(node.children, definitions)}</strong>`;
        case 'delete':
          return `<s>${phrasingToHTML(node.children, definitions)}</s>`;
        case 'inlineCode':
          return `<code>${escapeHTML(node.value)}</code>`;
        case 'break':
          return '<br>';
        case 'link':
          return `<a${attr('href', node.url)}${attr('title', node.title)}>${phrasingToHTML(node.children, definitions)}</a>`;
        case 'linkReference': {
          const definition = definitions.get(node.identifier);
          const inner = phrasingToHTML(node.children, definitions);
          return definition
            ? `<a${attr('href', definition.url)}${attr('title', definition.title)}>${inner}</a>`
            : inner;
        }
        case 'image':
          return `<img${attr('src', node.url)}${attr('alt', node.alt)}${attr('title', node.title)}>`;
        case 'imageReference': {
          const definition = definitions.get(node.identifier);
          return definition
            ? `<img${attr('src', definition.url)}${attr('alt', node.alt)}${attr('title', definition.title)}>`
            : escapeHTML(node.alt ?? '');
        }
        case 'footnoteReference':
          return escapeHTML(`[^${node.label ?? node.identifier}]`);
        default:
          return '';
      }
    })
    .join('');
}
