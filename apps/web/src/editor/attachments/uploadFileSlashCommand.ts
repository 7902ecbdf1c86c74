import type { Editor, Range } from '@tiptap/core';

/** Lets the person choose files from their device; resolves with none when they cancel. */
function pickFiles(): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = true;
    input.addEventListener('change', () => resolve(Array.from(input.files ?? [])), { once: true });
    input.addEventListener('cancel', () => resolve([]), { once: true });
    input.click();
  });
}

/**
 * The slash menu's "Upload file": pick files, then upload them where the slash was typed.
 * Shaped as a `SlashCommand`, which is not imported here so the menu can import this.
 */
export const uploadFileSlashCommand = {
  id: 'upload-file',
  label: 'Upload file',
  description: 'An image or a file from your device',
  keywords: ['image', 'picture', 'photo', 'attachment', 'file', 'upload'],
  glyph: '⇪',
  run: (editor: Editor, range: Range) => {
    editor.chain().focus().deleteRange(range).run();
    void pickFiles().then((files) => {
      if (files.length > 0) editor.chain().focus().uploadAttachments(files).run();
    });
  },
};
