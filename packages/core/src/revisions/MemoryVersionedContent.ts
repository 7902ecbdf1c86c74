import type { JsonValue, PageState } from './Revision';
import type { PageAuthorship, VersionedContent } from './VersionedContent';

/**
 * Page content held in memory, for tests of history logic without a collaboration server.
 * Authorship is reported per write: the whole title and each block belong to its last writer.
 */
export class MemoryVersionedContent implements VersionedContent {
  readonly #states = new Map<string, PageState>();
  readonly #writers = new Map<string, number>();
  #nextClient = 1;
  readonly #clientOf = new Map<string, number>();

  /** Sets a page's content directly, as an editor would, and returns the writer's client id. */
  set(pageId: string, state: PageState, authorId = 'editor'): number {
    this.#states.set(pageId, state);
    const clientId = this.clientIdOf(authorId);
    this.#writers.set(pageId, clientId);
    return clientId;
  }

  /** A stable fake Yjs client id per author. */
  clientIdOf(authorId: string): number {
    let clientId = this.#clientOf.get(authorId);
    if (clientId === undefined) {
      clientId = this.#nextClient++;
      this.#clientOf.set(authorId, clientId);
    }
    return clientId;
  }

  async read<T>(pageId: string, use: (state: PageState) => T): Promise<T> {
    return use(this.#states.get(pageId) ?? { title: '', body: { type: 'doc', content: [] } });
  }

  async write(pageId: string, state: PageState, authorId: string): Promise<void> {
    this.set(pageId, state, authorId);
  }

  async readAuthorship(pageId: string): Promise<PageAuthorship<number | null>> {
    const state = this.#states.get(pageId);
    const author = this.#writers.get(pageId) ?? null;
    const blocks = Array.isArray(state?.body.content) ? state.body.content : [];
    return {
      title: state ? [{ text: state.title, author }] : [],
      blocks: blocks.map((block) => ({
        type:
          typeof block === 'object' && block && 'type' in block ? String(block.type) : 'paragraph',
        path: [],
        runs: [{ text: textOf(block), author }],
      })),
    };
  }
}

function textOf(node: JsonValue): string {
  if (node === null || typeof node !== 'object') return '';
  if (Array.isArray(node)) return node.map(textOf).join('');
  const object = node as { readonly [key: string]: JsonValue };
  return typeof object.text === 'string' ? object.text : textOf(object.content ?? null);
}
