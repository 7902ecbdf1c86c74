import { describe, expect, it } from 'vitest';
import { testAccessPolicy } from '../access/testAccessPolicy';
import type { User } from '../accounts/User';
import { NotFoundError, PermissionDeniedError, ValidationError } from '../DomainError';
import { MemoryEventLog } from '../events/MemoryEventLog';
import type { Page } from '../pages/Page';
import { type AttachmentPageLookup, AttachmentService } from './AttachmentService';
import { AttachmentTooLargeError } from './AttachmentTooLargeError';
import { MemoryAttachmentStore } from './MemoryAttachmentStore';
import { MemoryBlobStore } from './MemoryBlobStore';
import { UnsupportedAttachmentTypeError } from './UnsupportedAttachmentTypeError';

const user = (role: User['role']): User => ({
  id: `${role}-id`,
  email: `${role}@example.com`,
  displayName: role,
  color: '#123456',
  role,
  createdAt: 0,
});
const member = user('member');
const guest = user('guest');

const page = (id: string, fields: Partial<Page> = {}): Page => ({
  id,
  shortId: `short-${id}`,
  spaceId: 'space',
  parentId: null,
  position: 'V',
  title: id,
  icon: null,
  createdBy: member.id,
  createdAt: 0,
  updatedBy: member.id,
  updatedAt: 0,
  deletedAt: null,
  deletedBy: null,
  ...fields,
});

const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

function setup(maxBytes = 1024) {
  const pages = new Map<string, Page>([
    ['live', page('live')],
    ['trashed', page('trashed', { deletedAt: 5, deletedBy: member.id })],
    ['under-trashed', page('under-trashed', { parentId: 'trashed' })],
  ]);
  const lookup: AttachmentPageLookup = {
    findPageById: (id) => pages.get(id) ?? null,
    findPageByShortId: (shortId) => [...pages.values()].find((p) => p.shortId === shortId) ?? null,
    transaction: (work) => work(),
  };
  const blobs = new MemoryBlobStore();
  const attachments = new MemoryAttachmentStore();
  const events = new MemoryEventLog();
  let now = 1000;
  // The guest was invited to read the space.
  const { policy, store: access } = testAccessPolicy({ pages: lookup });
  access.setSpaceGrant({ spaceId: 'space', kind: 'user', principalId: guest.id, role: 'viewer' });
  const service = new AttachmentService({
    attachments,
    blobs,
    pages: lookup,
    policy,
    clock: { now: () => now++ },
    events,
    maxBytes,
  });
  return { service, blobs, attachments, pages, events, access };
}

describe('AttachmentService', () => {
  it('stores an upload with a sniffed type and a clean name, and opens it again', async () => {
    const { service, events } = setup();
    const attachment = await service.upload(member, 'short-live', {
      filename: '../../secret/photo.png',
      bytes: png,
    });
    expect(events.readAfter(0, 10).map((event) => [event.type, event.pageId, event.data])).toEqual([
      ['attachment.added', 'live', { attachmentId: attachment.id, fileName: 'photo.png' }],
    ]);
    expect(attachment).toMatchObject({
      pageId: 'live',
      filename: 'photo.png',
      mediaType: 'image/png',
      size: png.length,
      createdBy: member.id,
      createdAt: 1000,
    });
    expect(attachment.sha256).toMatch(/^[0-9a-f]{64}$/);
    const opened = service.open(guest, attachment.id);
    expect(opened.attachment).toEqual(attachment);
    expect(Array.from(await opened.read())).toEqual(Array.from(png));
    expect(service.list(guest, 'live').map((item) => item.id)).toEqual([attachment.id]);
  });

  it("ignores the name's claims: HTML called .png is stored as HTML", async () => {
    const { service } = setup();
    const attachment = await service.upload(member, 'live', {
      filename: 'cat.png',
      bytes: new TextEncoder().encode('<html><script>alert(1)</script></html>'),
    });
    expect(attachment.mediaType).toBe('text/html');
  });

  it('stores identical bytes once', async () => {
    const { service, blobs } = setup();
    const first = await service.upload(member, 'live', { filename: 'a.png', bytes: png });
    const second = await service.upload(member, 'live', { filename: 'b.png', bytes: png });
    expect(first.id).not.toBe(second.id);
    expect(first.sha256).toBe(second.sha256);
    expect(blobs.size).toBe(1);
  });

  it('refuses guests, missing or trashed pages, oversize, empty and program uploads', async () => {
    const { service, blobs, attachments } = setup(16);
    const upload = (actor: User, pageId: string, bytes: Uint8Array) =>
      service.upload(actor, pageId, { filename: 'f', bytes });
    await expect(upload(guest, 'live', png)).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(upload(member, 'nope', png)).rejects.toBeInstanceOf(NotFoundError);
    await expect(upload(member, 'trashed', png)).rejects.toBeInstanceOf(NotFoundError);
    await expect(upload(member, 'under-trashed', png)).rejects.toBeInstanceOf(NotFoundError);
    await expect(upload(member, 'live', new Uint8Array(17))).rejects.toBeInstanceOf(
      AttachmentTooLargeError,
    );
    await expect(upload(member, 'live', new Uint8Array(0))).rejects.toBeInstanceOf(ValidationError);
    const elf = Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]);
    await expect(upload(member, 'live', elf)).rejects.toBeInstanceOf(
      UnsupportedAttachmentTypeError,
    );
    expect(blobs.size).toBe(0);
    expect(attachments.listAttachments('live')).toEqual([]);
  });

  it('hides attachments of pages that are trashed or gone', async () => {
    const { service, pages } = setup();
    const attachment = await service.upload(member, 'live', { filename: 'a.png', bytes: png });
    pages.set('live', page('live', { deletedAt: 7, deletedBy: member.id }));
    expect(() => service.open(member, attachment.id)).toThrow(NotFoundError);
    pages.set('live', page('live'));
    expect(service.open(member, attachment.id).attachment.id).toBe(attachment.id);
    pages.delete('live');
    expect(() => service.open(member, attachment.id)).toThrow(NotFoundError);
    expect(() => service.open(member, 'no-such-attachment')).toThrow(NotFoundError);
  });
});
