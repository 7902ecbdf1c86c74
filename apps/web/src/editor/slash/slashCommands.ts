import type { Editor, Range } from '@tiptap/core';
import { uploadFileSlashCommand } from '../attachments/uploadFileSlashCommand';

/** A block the slash menu can insert in place of the typed `/query`. */
export interface SlashCommand {
  id: string;
  label: string;
  description: string;
  /** Other words that find it, e.g. "h1" or "todo". */
  keywords: readonly string[];
  /** A short glyph shown before the label. */
  glyph: string;
  run(editor: Editor, range: Range): void;
}

const start = (editor: Editor, range: Range) => editor.chain().focus().deleteRange(range);

/** Every block the slash menu offers, in the order it lists them. */
export const slashCommands: readonly SlashCommand[] = [
  {
    id: 'heading-1',
    label: 'Heading 1',
    description: 'Big section heading',
    keywords: ['h1', 'title', '#'],
    glyph: 'H1',
    run: (editor, range) => start(editor, range).setNode('heading', { level: 1 }).run(),
  },
  {
    id: 'heading-2',
    label: 'Heading 2',
    description: 'Medium section heading',
    keywords: ['h2', 'subtitle', '##'],
    glyph: 'H2',
    run: (editor, range) => start(editor, range).setNode('heading', { level: 2 }).run(),
  },
  {
    id: 'heading-3',
    label: 'Heading 3',
    description: 'Small section heading',
    keywords: ['h3', '###'],
    glyph: 'H3',
    run: (editor, range) => start(editor, range).setNode('heading', { level: 3 }).run(),
  },
  {
    id: 'bullet-list',
    label: 'Bulleted list',
    description: 'A simple list',
    keywords: ['ul', 'unordered', 'bullet', 'list', '-'],
    glyph: '•',
    run: (editor, range) => start(editor, range).toggleBulletList().run(),
  },
  {
    id: 'numbered-list',
    label: 'Numbered list',
    description: 'A list with numbers',
    keywords: ['ol', 'ordered', 'numbered', 'list', '1.'],
    glyph: '1.',
    run: (editor, range) => start(editor, range).toggleOrderedList().run(),
  },
  {
    id: 'task-list',
    label: 'Task list',
    description: 'Items to check off',
    keywords: ['todo', 'checkbox', 'checklist', 'task', '[]'],
    glyph: '☐',
    run: (editor, range) => start(editor, range).toggleTaskList().run(),
  },
  {
    id: 'quote',
    label: 'Quote',
    description: 'Set off a quotation',
    keywords: ['blockquote', 'citation', '>'],
    glyph: '❝',
    run: (editor, range) => start(editor, range).setBlockquote().run(),
  },
  {
    id: 'code-block',
    label: 'Code block',
    description: 'Code in a monospace box',
    keywords: ['code', 'pre', 'snippet', '```'],
    glyph: '</>',
    run: (editor, range) => start(editor, range).setCodeBlock().run(),
  },
  uploadFileSlashCommand,
  {
    id: 'table',
    label: 'Table',
    description: 'A 3 × 3 table with a header row',
    keywords: ['grid', 'columns', 'rows'],
    glyph: '▦',
    run: (editor, range) =>
      start(editor, range).insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
  },
  {
    id: 'divider',
    label: 'Divider',
    description: 'A horizontal line between sections',
    keywords: ['hr', 'rule', 'separator', 'line', '---'],
    glyph: '—',
    run: (editor, range) => start(editor, range).setHorizontalRule().run(),
  },
  {
    id: 'callout-info',
    label: 'Info callout',
    description: 'A highlighted note',
    keywords: ['callout', 'note', 'info', 'tip', 'box'],
    glyph: 'ℹ',
    run: (editor, range) => start(editor, range).setCallout({ kind: 'info' }).run(),
  },
  {
    id: 'callout-warning',
    label: 'Warning callout',
    description: 'Something to be careful about',
    keywords: ['callout', 'warning', 'caution', 'alert', 'box'],
    glyph: '⚠',
    run: (editor, range) => start(editor, range).setCallout({ kind: 'warning' }).run(),
  },
];

/**
 * The commands matching what was typed after the slash: labels and keywords that start with
 * it rank first, then those that merely contain it.
 */
export function filterSlashCommands(query: string): SlashCommand[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [...slashCommands];
  const words = (command: SlashCommand) => [
    command.label.toLowerCase(),
    ...command.label.toLowerCase().split(/\s+/),
    ...command.keywords,
  ];
  const prefix = slashCommands.filter((command) => words(command).some((w) => w.startsWith(q)));
  const contains = slashCommands.filter(
    (command) => !prefix.includes(command) && words(command).some((w) => w.includes(q)),
  );
  return [...prefix, ...contains];
}
