import { readZipArchive, writeZipArchive } from '@lore/transfer';
import type { JsonBody, TestServer } from '../test/startTestServer';

/** A 1×1 PNG. */
export const tinyPng = Uint8Array.from(
  atob(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  ),
  (char) => char.charCodeAt(0),
);

export function zipOf(files: Record<string, string | Uint8Array>): Uint8Array {
  return writeZipArchive(
    Object.entries(files).map(([path, content]) => ({
      path,
      bytes: typeof content === 'string' ? new TextEncoder().encode(content) : content,
    })),
  );
}

export async function signUpAdmin(t: TestServer): Promise<void> {
  await t.request('/api/setup', {
    method: 'POST',
    json: { email: 'admin@example.com', displayName: 'Admin', password: 'admin password' },
  });
}

export async function createSpace(t: TestServer, slug: string): Promise<void> {
  const response = await t.request('/api/spaces', { method: 'POST', json: { name: slug, slug } });
  if (response.status !== 201) throw new Error(`space: ${response.status}`);
}

export function postZip(
  t: TestServer,
  query: string,
  body: Uint8Array,
  contentType = 'application/zip',
) {
  return t.request(`/api/import?${query}`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: Buffer.from(body),
  });
}

export interface TreeNode {
  readonly id: string;
  readonly shortId: string;
  readonly title: string;
  readonly children: TreeNode[];
}

export async function treeOf(t: TestServer, space: string): Promise<TreeNode[]> {
  return ((await (await t.request(`/api/spaces/${space}/tree`)).json()) as JsonBody).tree;
}

export function flatten(nodes: readonly TreeNode[]): TreeNode[] {
  return nodes.flatMap((node) => [node, ...flatten(node.children)]);
}

export async function markdownOf(t: TestServer, pageId: string): Promise<string> {
  return ((await (await t.request(`/api/pages/${pageId}`)).json()) as JsonBody).markdown;
}

export async function download(t: TestServer, path: string) {
  const response = await t.request(path);
  const files = readZipArchive(new Uint8Array(await response.arrayBuffer()));
  return { response, files: new Map(files.map((file) => [file.path, file.bytes])) };
}

/** Page ids by imported source path, as the import remembered them. */
export function sourcesOf(t: TestServer): Map<string, string> {
  const { sqlite, postgres } = t.server.services.storage;
  const sql = 'SELECT source_path, page_id FROM import_sources';
  const rows = (postgres ? postgres.query(sql) : (sqlite?.prepare(sql).all() ?? [])) as {
    source_path: string;
    page_id: string;
  }[];
  return new Map(rows.map((row) => [row.source_path, row.page_id]));
}
