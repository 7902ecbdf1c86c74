import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestResponse, type TestServer } from '../test/startTestServer';

const maxBytes = 64 * 1024;
let t: TestServer;
let pageId: string;
let guestCookie: string;

/** A 1×1 PNG, complete enough for any decoder. */
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

async function json(response: TestResponse, status: number) {
  const body = await response.json();
  expect(response.status, JSON.stringify(body)).toBe(status);
  return body;
}

const upload = (
  page: string,
  body: BodyInit,
  filename: string | null,
  init: { contentType?: string; cookie?: string } = {},
) =>
  t.request(
    `/api/pages/${page}/attachments${filename === null ? '' : `?filename=${encodeURIComponent(filename)}`}`,
    {
      method: 'POST',
      body,
      headers: {
        'content-type': init.contentType ?? 'application/octet-stream',
        ...(init.cookie ? { cookie: init.cookie } : {}),
      },
      ...(init.cookie ? { anonymous: true } : {}),
    },
  );

/** Every blob file under the data folder's attachments, temporary files included. */
const blobFiles = () => {
  const root = join(t.dataDir, 'attachments');
  return existsSync(root)
    ? readdirSync(root, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => join(entry.parentPath, entry.name))
    : [];
};

async function createPage(title: string): Promise<string> {
  const { page } = await json(
    await t.request('/api/pages', { method: 'POST', json: { spaceId: 'docs', title } }),
    201,
  );
  return page.id;
}

beforeAll(async () => {
  t = await startTestServer({ LORE_ATTACHMENT_MAX_BYTES: String(maxBytes) });
  await t.request('/api/setup', {
    method: 'POST',
    json: { email: 'ada@example.com', displayName: 'Ada', password: 'analytical-engine' },
  });
  await json(await t.request('/api/spaces', { method: 'POST', json: { name: 'Docs' } }), 201);
  pageId = await createPage('Diagrams');
  const { user: guest } = await json(
    await t.request('/api/users', {
      method: 'POST',
      json: {
        email: 'guest@example.com',
        displayName: 'Guest',
        password: 'guest password',
        role: 'guest',
      },
    }),
    201,
  );
  const login = await t.request('/api/auth/login', {
    method: 'POST',
    anonymous: true,
    json: { email: 'guest@example.com', password: 'guest password' },
  });
  expect(login.status).toBe(200);
  guestCookie = (login.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
  // The guest was invited to read the space.
  await json(
    await t.request(`/api/spaces/docs/members/users/${guest.id}`, {
      method: 'PUT',
      json: { role: 'viewer' },
    }),
    200,
  );
});
afterAll(async () => {
  await t.close();
});

describe('attachments over HTTP', () => {
  it('round-trips an image with safe headers, a stable ETag and 304 revalidation', async () => {
    const { attachment } = await json(await upload(pageId, png, 'Team diagram.png'), 201);
    expect(attachment).toMatchObject({
      pageId,
      filename: 'Team diagram.png',
      mediaType: 'image/png',
      size: png.length,
      sha256: createHash('sha256').update(png).digest('hex'),
      isImage: true,
    });
    expect(attachment.url).toBe(`/api/attachments/${attachment.id}/Team%20diagram.png`);

    const download = await t.request(attachment.url);
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(png);
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(download.headers.get('content-disposition')).toBe(
      `inline; filename="Team diagram.png"; filename*=UTF-8''Team%20diagram.png`,
    );
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(download.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(download.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    expect(download.headers.get('etag')).toBe(`"${attachment.sha256}"`);

    const again = await t.request(`/api/attachments/${attachment.id}`, {
      headers: { 'if-none-match': `W/"other", "${attachment.sha256}"` },
    });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');

    const listed = await json(await t.request(`/api/pages/${pageId}/attachments`), 200);
    expect(listed.attachments.map((item: { id: string }) => item.id)).toContain(attachment.id);
  });

  it('believes the bytes, not the Content-Type: HTML sent as image/png is a download', async () => {
    const html = '<!doctype html><script>fetch("/api/me")</script>';
    const { attachment } = await json(
      await upload(pageId, html, 'cat.png', { contentType: 'image/png' }),
      201,
    );
    expect(attachment.mediaType).toBe('text/html');
    expect(attachment.isImage).toBe(false);
    const download = await t.request(attachment.url);
    expect(download.headers.get('content-type')).not.toMatch(/^image\//);
    expect(download.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(download.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(await download.text()).toBe(html);
  });

  it('serves SVG as a download, though the editor may show it as an image', async () => {
    const svg = '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script/></svg>';
    const { attachment } = await json(await upload(pageId, svg, 'logo.svg'), 201);
    expect(attachment).toMatchObject({ mediaType: 'image/svg+xml', isImage: true });
    const download = await t.request(attachment.url);
    expect(download.headers.get('content-type')).toBe('image/svg+xml');
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="logo.svg"/);
  });

  it('takes a body labelled JSON as bytes, and names an unnamed upload "file"', async () => {
    const { attachment } = await json(
      await upload(pageId, '{"not": "parsed"}', null, { contentType: 'application/json' }),
      201,
    );
    expect(attachment).toMatchObject({ filename: 'file', mediaType: 'text/plain; charset=utf-8' });
  });

  it('refuses oversize uploads with 413 and stores nothing, streamed or not', async () => {
    const before = blobFiles();
    const listBefore = await json(await t.request(`/api/pages/${pageId}/attachments`), 200);
    const big = Buffer.alloc(maxBytes + 1, 0x41);
    expect((await json(await upload(pageId, big, 'big.txt'), 413)).error.code).toBe('too_large');
    const chunked = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let sent = 0; sent <= maxBytes; sent += 8192) controller.enqueue(new Uint8Array(8192));
        controller.close();
      },
    });
    const streamed = await t.request(`/api/pages/${pageId}/attachments?filename=big.bin`, {
      method: 'POST',
      body: chunked,
      headers: { 'content-type': 'application/octet-stream' },
      duplex: 'half',
    } as RequestInit);
    expect((await json(streamed, 413)).error.code).toBe('too_large');
    expect(blobFiles()).toEqual(before);
    expect(await json(await t.request(`/api/pages/${pageId}/attachments`), 200)).toEqual(
      listBefore,
    );
    // An upload of exactly the limit is fine.
    await json(await upload(pageId, Buffer.alloc(maxBytes, 0x42), 'exact.txt'), 201);
  });

  it('refuses programs with 415 and empty files with 400', async () => {
    const elf = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0]);
    expect((await json(await upload(pageId, elf, 'tool'), 415)).error.code).toBe(
      'unsupported_type',
    );
    await json(await upload(pageId, Buffer.alloc(0), 'empty.txt'), 400);
  });

  it('lets guests download but not upload', async () => {
    const { attachment } = await json(await upload(pageId, png, 'for-guests.png'), 201);
    const refused = await upload(pageId, png, 'guest.png', { cookie: guestCookie });
    expect((await json(refused, 403)).error.code).toBe('forbidden');
    const download = await t.request(attachment.url, {
      anonymous: true,
      headers: { cookie: guestCookie },
    });
    expect(download.status).toBe(200);
    expect((await t.request(attachment.url, { anonymous: true })).status).toBe(401);
  });

  it('hides the attachments of a trashed page and refuses uploads to it', async () => {
    const trashed = await createPage('Soon gone');
    const { attachment } = await json(await upload(trashed, 'notes', 'notes.txt'), 201);
    await json(await t.request(`/api/pages/${trashed}`, { method: 'DELETE' }), 200);
    expect((await json(await t.request(attachment.url), 404)).error.code).toBe(
      'attachment_not_found',
    );
    expect((await json(await upload(trashed, 'more', 'more.txt'), 404)).error.code).toBe(
      'page_not_found',
    );
    await json(await upload('no-such-page', 'x', 'x.txt'), 404);
    await json(await t.request(`/api/pages/${trashed}/restore`, { method: 'POST' }), 200);
    expect((await t.request(attachment.url)).status).toBe(200);
  });

  it('strips folder parts from file names and keeps blobs inside the data folder', async () => {
    const bytes = 'traversal attempt';
    const { attachment } = await json(await upload(pageId, bytes, '../../../../tmp/evil.txt'), 201);
    expect(attachment.filename).toBe('evil.txt');
    expect(attachment.url).toBe(`/api/attachments/${attachment.id}/evil.txt`);
    const sha = createHash('sha256').update(bytes).digest('hex');
    expect(blobFiles()).toContain(join(t.dataDir, 'attachments', sha.slice(0, 2), sha));
    const windows = await json(await upload(pageId, bytes, '..\\..\\boot.ini'), 201);
    expect(windows.attachment.filename).toBe('boot.ini');
    const quoted = await json(await upload(pageId, bytes, 'a"b\r\nSet-Cookie: x=1.txt'), 201);
    const accented = await json(await upload(pageId, bytes, 'Café "menu" 100%.txt'), 201);
    expect((await t.request(accented.attachment.url)).headers.get('content-disposition')).toBe(
      `attachment; filename="Caf_ _menu_ 100_.txt"; filename*=UTF-8''Caf%C3%A9%20_menu_%20100%25.txt`,
    );
    const download = await t.request(quoted.attachment.url);
    expect(download.headers.get('set-cookie')).toBeNull();
    expect(download.headers.get('content-disposition')).toBe(
      `attachment; filename="a_bSet-Cookie_ x=1.txt"; filename*=UTF-8''a_bSet-Cookie_%20x%3D1.txt`,
    );
  });

  it('stores the same bytes once however often they are attached', async () => {
    const bytes = Buffer.from('the same bytes, attached twice');
    const sha = createHash('sha256').update(bytes).digest('hex');
    const other = await createPage('Elsewhere');
    const first = await json(await upload(pageId, bytes, 'one.txt'), 201);
    const second = await json(await upload(other, bytes, 'two.txt'), 201);
    expect(first.attachment.id).not.toBe(second.attachment.id);
    expect(blobFiles().filter((file) => file.endsWith(sha))).toHaveLength(1);
    expect(await (await t.request(second.attachment.url)).text()).toBe(bytes.toString());
  });
});
