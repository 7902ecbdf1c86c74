import { collabClient, readTraceParagraph } from '@lore/server/testing';
import * as Y from 'yjs';
import type { ClusterApi } from './ClusterApi';

/** A page as a client joining now sees it: its first paragraph's text and its state vector. */
export interface PageSeen {
  readonly text: string;
  readonly stateVector: Map<number, number>;
}

/**
 * Opens the page with a new stock provider through `api`'s door, waits for the first sync and
 * closes again: what the processes' rooms and the store hold right now.
 */
export async function readPageThroughClient(
  api: ClusterApi,
  pageId: string,
  timeoutMs = 30_000,
): Promise<PageSeen> {
  const client = collabClient(api.baseUrl, pageId, { token: api.token });
  try {
    await client.synced(timeoutMs);
    return {
      text: readTraceParagraph(client.doc),
      stateVector: Y.decodeStateVector(Y.encodeStateVector(client.doc)),
    };
  } finally {
    client.destroy();
  }
}

const characterReferences: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

/**
 * The page's first paragraph as `GET /api/pages/:id` renders it, back to plain characters: the
 * REST door's view of the same document.
 */
export async function readPageThroughApi(api: ClusterApi, pageId: string): Promise<string> {
  const body = await api.expect<{ html: string }>('GET', `/api/pages/${pageId}`, 200);
  const paragraph = /^<p>([\s\S]*?)<\/p>/.exec(body.html.trim())?.[1];
  if (paragraph === undefined) throw new Error(`No paragraph in ${body.html.slice(0, 200)}`);
  return paragraph.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (/^#x/i.test(name)) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return characterReferences[name] ?? whole;
  });
}
