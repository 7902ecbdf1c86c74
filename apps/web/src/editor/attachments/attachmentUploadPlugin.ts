import type { Attachment } from '@lore/api';
import type { Node as ProseMirrorNode, Schema } from '@tiptap/pm/model';
import { type EditorState, Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import { uploadAttachment } from './uploadAttachment';

/** An upload in flight (or failed), shown where its file will land. */
interface PendingUpload {
  readonly id: string;
  readonly pos: number;
  readonly filename: string;
  /** 0…1 while sending. */
  readonly progress: number;
  /** Set when the upload failed; the placeholder then shows it until dismissed. */
  readonly error: string | null;
}

type UploadAction =
  | { readonly type: 'add'; readonly upload: PendingUpload }
  | { readonly type: 'progress'; readonly id: string; readonly progress: number }
  | { readonly type: 'fail'; readonly id: string; readonly error: string }
  | { readonly type: 'remove'; readonly id: string };

export const attachmentUploadKey = new PluginKey<readonly PendingUpload[]>('attachmentUploads');

const withAction = (tr: Transaction, action: UploadAction) =>
  tr.setMeta(attachmentUploadKey, action);

function placeholder(view: EditorView, upload: PendingUpload): HTMLElement {
  const element = document.createElement('span');
  element.className = upload.error
    ? 'attachment-upload attachment-upload--failed'
    : 'attachment-upload';
  element.contentEditable = 'false';
  element.dataset.uploadId = upload.id;
  if (upload.error === null) {
    element.setAttribute('role', 'status');
    element.textContent = `Uploading ${upload.filename}… ${Math.round(upload.progress * 100)}%`;
    return element;
  }
  element.setAttribute('role', 'alert');
  element.textContent = `Could not upload ${upload.filename}: ${upload.error} `;
  const dismiss = document.createElement('button');
  dismiss.type = 'button';
  dismiss.className = 'attachment-upload__dismiss';
  dismiss.textContent = 'Dismiss';
  dismiss.addEventListener('click', () => {
    view.dispatch(withAction(view.state.tr, { type: 'remove', id: upload.id }));
  });
  element.append(dismiss);
  return element;
}

/** The node that shows an uploaded file: an image, or its name linked to the download. */
function attachmentNode(schema: Schema, attachment: Attachment): ProseMirrorNode | null {
  const image = schema.nodes.image;
  if (attachment.isImage && image) {
    return image.create({ src: attachment.url, alt: attachment.filename });
  }
  const link = schema.marks.link;
  return schema.text(attachment.filename, link ? [link.create({ href: attachment.url })] : []);
}

let sequence = 0;

/**
 * Uploads `files` to the page and puts each where `pos` was, keeping the spot through whatever
 * anyone edits meanwhile. A placeholder shows progress there; on failure it shows the reason.
 */
export function startUploads(
  view: EditorView,
  pageId: string,
  files: readonly File[],
  pos: number,
): void {
  const alive = () => !(view as { isDestroyed?: boolean }).isDestroyed;
  for (const file of files) {
    sequence += 1;
    const id = `upload-${sequence}`;
    const filename = file.name || 'file';
    view.dispatch(
      withAction(view.state.tr, {
        type: 'add',
        upload: { id, pos, filename, progress: 0, error: null },
      }),
    );
    uploadAttachment(pageId, file, (progress) => {
      if (alive()) view.dispatch(withAction(view.state.tr, { type: 'progress', id, progress }));
    }).then(
      (attachment) => {
        if (!alive()) return;
        const pending = attachmentUploadKey.getState(view.state)?.find((u) => u.id === id);
        if (!pending) return;
        const node = attachmentNode(view.state.schema, attachment);
        const tr = withAction(view.state.tr, { type: 'remove', id });
        if (node) tr.replaceWith(pending.pos, pending.pos, node);
        view.dispatch(tr);
      },
      (error: unknown) => {
        if (!alive()) return;
        const message = error instanceof Error ? error.message : 'The upload failed.';
        view.dispatch(withAction(view.state.tr, { type: 'fail', id, error: message }));
      },
    );
  }
}

const filesOf = (data: DataTransfer | null): File[] => Array.from(data?.files ?? []);

/**
 * Dropped and pasted files become attachments of the page. A paste that also carries text (an
 * office suite puts a picture of the selection beside it) is left to the normal paste.
 */
export function attachmentUploadPlugin(pageId: string): Plugin<readonly PendingUpload[]> {
  return new Plugin<readonly PendingUpload[]>({
    key: attachmentUploadKey,
    state: {
      init: () => [],
      apply(tr, uploads) {
        let next = tr.docChanged
          ? uploads.map((upload) => ({ ...upload, pos: tr.mapping.map(upload.pos) }))
          : uploads;
        const action = tr.getMeta(attachmentUploadKey) as UploadAction | undefined;
        if (action?.type === 'add') next = [...next, action.upload];
        if (action?.type === 'progress') {
          next = next.map((u) => (u.id === action.id ? { ...u, progress: action.progress } : u));
        }
        if (action?.type === 'fail') {
          next = next.map((u) => (u.id === action.id ? { ...u, error: action.error } : u));
        }
        if (action?.type === 'remove') next = next.filter((u) => u.id !== action.id);
        return next;
      },
    },
    props: {
      decorations(state: EditorState) {
        const uploads = attachmentUploadKey.getState(state) ?? [];
        return DecorationSet.create(
          state.doc,
          uploads.map((upload) =>
            Decoration.widget(upload.pos, (view) => placeholder(view, upload), {
              key: `${upload.id}:${Math.round(upload.progress * 100)}:${upload.error ?? ''}`,
              side: -1,
              stopEvent: () => true,
              ignoreSelection: true,
            }),
          ),
        );
      },
      handlePaste(view, event) {
        const files = filesOf(event.clipboardData);
        if (!view.editable || files.length === 0) return false;
        if ((event.clipboardData?.getData('text/plain') ?? '').trim() !== '') return false;
        event.preventDefault();
        startUploads(view, pageId, files, view.state.selection.from);
        return true;
      },
      handleDrop(view, event, _slice, moved) {
        const files = filesOf(event.dataTransfer);
        if (!view.editable || moved || files.length === 0) return false;
        event.preventDefault();
        const at = view.posAtCoords({ left: event.clientX, top: event.clientY });
        startUploads(view, pageId, files, at?.pos ?? view.state.selection.from);
        return true;
      },
    },
  });
}
