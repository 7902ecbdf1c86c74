import type { CollabServer } from '@lore/collab';
import type { PageAuthorship, PageState, VersionedContent } from '@lore/core';
import { applyJSONToYDoc, type JSONContent, pageBodyField, pageTitleField } from '@lore/schema';
import type * as Y from 'yjs';
import { EditOrigin } from './EditOrigin';
import { readAuthorship } from './readAuthorship';
import { readPageState } from './readPageState';

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** Replaces only the middle of `text` that differs, so cursors at either end stay put. */
function replaceText(text: Y.Text, next: string): void {
  const current = text.toString();
  if (current === next) return;
  let start = 0;
  while (start < current.length && start < next.length && current[start] === next[start]) start++;
  let end = 0;
  while (
    end < current.length - start &&
    end < next.length - start &&
    current[current.length - 1 - end] === next[next.length - 1 - end]
  ) {
    end++;
  }
  // Never cut a surrogate pair in two: Yjs would store the halves as replacement characters.
  if (start > 0 && isHighSurrogate(current.charCodeAt(start - 1))) start--;
  if (end > 0 && isLowSurrogate(current.charCodeAt(current.length - end))) end--;
  if (current.length - start - end > 0) text.delete(start, current.length - start - end);
  if (next.length - start - end > 0) text.insert(start, next.slice(start, next.length - end));
}

/**
 * Page history over the live collaboration rooms. A write is a minimal Yjs change made on the
 * room's validation copy and treated like any other edit: validated, stored, then sent to
 * everyone connected, merging with what they type meanwhile.
 */
export class YjsVersionedContent implements VersionedContent {
  readonly #collab: CollabServer<unknown>;

  constructor(collab: CollabServer<unknown>) {
    this.#collab = collab;
  }

  async read<T>(pageId: string, use: (state: PageState) => T): Promise<T> {
    const doc = await this.#collab.getDocument(pageId);
    return use(readPageState(doc));
  }

  async write(pageId: string, state: PageState, authorId: string): Promise<void> {
    await this.#collab.editDocument(
      pageId,
      (draft) => {
        applyJSONToYDoc(draft, state.body as JSONContent, pageBodyField);
        replaceText(draft.getText(pageTitleField), state.title);
      },
      new EditOrigin(authorId),
    );
  }

  async readAuthorship(pageId: string): Promise<PageAuthorship<number | null>> {
    return readAuthorship(await this.#collab.getDocument(pageId));
  }
}
