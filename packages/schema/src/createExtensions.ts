import type { AnyExtension } from '@tiptap/core';
import { Highlight } from '@tiptap/extension-highlight';
import { TaskItem, TaskList } from '@tiptap/extension-list';
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table';
import { StarterKit } from '@tiptap/starter-kit';
import { AttachmentImage } from './extensions/AttachmentImage';
import { Callout } from './extensions/Callout';
import { CommentMark } from './extensions/CommentMark';
import { HeadingWithId } from './extensions/HeadingWithId';
import { InlineCode } from './extensions/InlineCode';
import { Mention } from './extensions/Mention';
import { SafeLink } from './extensions/SafeLink';

/** Editor-only behaviour that does not change the document schema. */
export interface CreateExtensionsOptions {
  /** Let readers open links by clicking in the editor (default false: clicking edits). */
  openLinksOnClick?: boolean;
  /** Turn typed URLs into links as people write (default true). */
  autolink?: boolean;
  /** Allow columns to be resized in the editor (default false). */
  resizableTables?: boolean;
}

/**
 * The one extension list of a Lore page, shared by the browser editor and the server.
 *
 * It has no undo/redo history: the editor adds Tiptap's Collaboration extension, which brings
 * its own Yjs-aware undo. Options only change editor behaviour, never the schema, so documents
 * are the same whatever is passed.
 */
export function createExtensions(options: CreateExtensionsOptions = {}): AnyExtension[] {
  return [
    StarterKit.configure({
      undoRedo: false,
      heading: false,
      link: false,
      code: false,
    }),
    HeadingWithId.configure({ levels: [1, 2, 3, 4, 5, 6] }),
    InlineCode,
    SafeLink.configure({
      openOnClick: options.openLinksOnClick ?? false,
      autolink: options.autolink ?? true,
    }),
    Highlight,
    TaskList,
    TaskItem.configure({ nested: true }),
    Table.configure({ resizable: options.resizableTables ?? false }),
    TableRow,
    TableHeader,
    TableCell,
    AttachmentImage,
    Callout,
    Mention,
    CommentMark,
  ];
}
