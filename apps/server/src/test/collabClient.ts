import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

export interface CollabClient {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  /** Close codes received, in order. */
  readonly closeCodes: number[];
  synced(timeoutMs?: number): Promise<void>;
  /** Resolves with the first close code the server sends. */
  closed(timeoutMs?: number): Promise<number>;
  destroy(): void;
}

export interface CollabClientOptions {
  /** `?token=` authentication. */
  readonly token?: string;
  /** `?ticket=` authentication (a single-use ticket from `POST /api/collab/tickets`). */
  readonly ticket?: string;
  /** Cookie authentication, with this Origin header. */
  readonly cookie?: string;
  readonly origin?: string;
  readonly doc?: Y.Doc;
}

/** The stock y-websocket provider against a Lore server, authenticated by token or cookie. */
export function collabClient(
  baseUrl: string,
  pageId: string,
  options: CollabClientOptions,
): CollabClient {
  const doc = options.doc ?? new Y.Doc();
  const headers: Record<string, string> = {};
  if (options.cookie) headers.cookie = options.cookie;
  if (options.origin) headers.origin = options.origin;
  class AuthenticatedWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  }
  const provider = new WebsocketProvider(`${baseUrl.replace(/^http/, 'ws')}/collab`, pageId, doc, {
    WebSocketPolyfill: AuthenticatedWebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: options.ticket
      ? { ticket: options.ticket }
      : options.token
        ? { token: options.token }
        : {},
  });
  const closeCodes: number[] = [];
  provider.on('connection-close', (event) => {
    if (event) closeCodes.push(event.code);
  });
  const poll = (condition: () => boolean, what: string, timeoutMs: number) =>
    new Promise<void>((resolve, reject) => {
      const deadline = Date.now() + timeoutMs;
      const tick = () => {
        if (condition()) resolve();
        else if (Date.now() > deadline) reject(new Error(`Timed out waiting for ${what}.`));
        else setTimeout(tick, 5);
      };
      tick();
    });
  return {
    doc,
    provider,
    closeCodes,
    synced: (timeoutMs = 10_000) => poll(() => provider.synced, 'the first sync', timeoutMs),
    closed: async (timeoutMs = 10_000) => {
      await poll(() => closeCodes.length > 0, 'a close code', timeoutMs);
      provider.shouldConnect = false;
      return closeCodes[0] as number;
    },
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Polls `condition` every few milliseconds until it holds. */
export async function eventually(
  condition: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 10_000,
) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Appends text to the first paragraph of the page body, creating it when needed. */
export function typeInto(doc: Y.Doc, text: string): void {
  doc.transact(() => {
    const body = doc.getXmlFragment('default');
    let paragraph = body.get(0);
    if (!(paragraph instanceof Y.XmlElement)) {
      paragraph = new Y.XmlElement('paragraph');
      body.insert(0, [paragraph]);
    }
    const element = paragraph as Y.XmlElement;
    let textNode = element.get(0);
    if (!(textNode instanceof Y.XmlText)) {
      textNode = new Y.XmlText();
      element.insert(0, [textNode]);
    }
    const xmlText = textNode as Y.XmlText;
    xmlText.insert(xmlText.length, text);
  });
}

/** The text of the page body's paragraphs, one per line. */
export function bodyText(doc: Y.Doc): string {
  return doc
    .getXmlFragment('default')
    .toArray()
    .map((node) => (node instanceof Y.XmlElement ? node.toArray().map(plainText).join('') : ''))
    .join('\n');
}

function plainText(node: unknown): string {
  if (!(node instanceof Y.XmlText)) return '';
  return (node.toDelta() as { insert: unknown }[])
    .map((op) => (typeof op.insert === 'string' ? op.insert : ''))
    .join('');
}
