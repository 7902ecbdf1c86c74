import type { Attachment } from '@lore/api';
import { ApiError } from '../../api/ApiError';

/**
 * Uploads one file to a page as its raw bytes and reports progress (0…1). XMLHttpRequest rather
 * than fetch, since only it reports upload progress. Failures are `ApiError`s with the server's
 * message (too large, refused type, no permission…).
 */
export function uploadAttachment(
  pageId: string,
  file: File,
  onProgress: (fraction: number) => void,
): Promise<Attachment> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const filename = encodeURIComponent(file.name || 'file');
    xhr.open('POST', `/api/pages/${encodeURIComponent(pageId)}/attachments?filename=${filename}`);
    // The server decides the type from the bytes; saying octet-stream keeps any proxy from
    // treating the body as something to parse.
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader('accept', 'application/json');
    xhr.responseType = 'json';
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      const body = xhr.response as {
        attachment?: Attachment;
        error?: { code?: string; message?: string };
      } | null;
      if (xhr.status === 201 && body?.attachment) {
        resolve(body.attachment);
        return;
      }
      reject(
        new ApiError(
          xhr.status,
          body?.error?.code ?? 'http_error',
          body?.error?.message ?? `The server answered with an error (HTTP ${xhr.status}).`,
        ),
      );
    };
    xhr.onerror = () =>
      reject(
        new ApiError(
          0,
          'network_error',
          'Cannot reach the Lore server. Check your connection and try again.',
        ),
      );
    xhr.send(file);
  });
}
