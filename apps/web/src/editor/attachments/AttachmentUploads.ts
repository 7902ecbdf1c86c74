import { Extension } from '@tiptap/core';
import { attachmentUploadPlugin, startUploads } from './attachmentUploadPlugin';
import './attachments.css';

export interface AttachmentUploadsOptions {
  /** The page the files are attached to. */
  pageId: string;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    attachmentUploads: {
      /** Uploads files to the page and inserts them at the selection. */
      uploadAttachments: (files: readonly File[]) => ReturnType;
    };
  }
}

/**
 * Files dropped or pasted into the editor, or picked with the "Upload file" command, are
 * uploaded to the page: images appear as images, other files as a link to download them.
 * Editor-only; the stored document holds nothing but the resulting image or link.
 */
export const AttachmentUploads = Extension.create<AttachmentUploadsOptions>({
  name: 'attachmentUploads',

  addOptions() {
    return { pageId: '' };
  },

  addCommands() {
    return {
      uploadAttachments:
        (files) =>
        ({ view, dispatch }) => {
          if (!view.editable || files.length === 0) return false;
          // A dry run (`editor.can()`) only answers whether it would work.
          if (!dispatch) return true;
          // Uploads dispatch their own transactions, so they start once this command's
          // transaction is applied, at the selection it leaves.
          queueMicrotask(() =>
            startUploads(view, this.options.pageId, files, view.state.selection.from),
          );
          return true;
        },
    };
  },

  addProseMirrorPlugins() {
    return [attachmentUploadPlugin(this.options.pageId)];
  },
});
