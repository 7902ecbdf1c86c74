import type {
  Group,
  GroupWithMembers,
  PageRestrictions,
  PageRestrictionsInput,
  People,
  Space,
  SpaceChangeInput,
  SpaceMember,
  SpaceRole,
  WorkspaceAdmins,
} from '@lore/api';
import { request } from '../api/client';

const spacePath = (space: string) => `/api/spaces/${encodeURIComponent(space)}`;
const groupPath = (id: string) => `/api/groups/${encodeURIComponent(id)}`;
const memberPath = (space: string, kind: SpaceMember['kind'], id: string) =>
  `${spacePath(space)}/members/${kind === 'user' ? 'users' : 'groups'}/${encodeURIComponent(id)}`;

/** The API of spaces' settings and members, groups and page restrictions. */
export const accessApi = {
  updateSpace: (space: string, change: SpaceChangeInput) =>
    request<{ space: Space }>('PATCH', spacePath(space), change),
  spaceMembers: (space: string) =>
    request<{ members: SpaceMember[] }>('GET', `${spacePath(space)}/members`),
  setSpaceMember: (space: string, kind: SpaceMember['kind'], id: string, role: SpaceRole) =>
    request<{ member: SpaceMember }>('PUT', memberPath(space, kind, id), { role }),
  removeSpaceMember: (space: string, kind: SpaceMember['kind'], id: string) =>
    request<void>('DELETE', memberPath(space, kind, id)),
  groups: () => request<{ groups: Group[] }>('GET', '/api/groups'),
  group: (id: string) => request<GroupWithMembers>('GET', groupPath(id)),
  createGroup: (name: string) => request<{ group: Group }>('POST', '/api/groups', { name }),
  renameGroup: (id: string, name: string) =>
    request<{ group: Group }>('PATCH', groupPath(id), { name }),
  deleteGroup: (id: string) => request<void>('DELETE', groupPath(id)),
  addGroupMember: (id: string, userId: string) =>
    request<GroupWithMembers>('PUT', `${groupPath(id)}/members/${encodeURIComponent(userId)}`),
  removeGroupMember: (id: string, userId: string) =>
    request<GroupWithMembers>('DELETE', `${groupPath(id)}/members/${encodeURIComponent(userId)}`),
  pageRestrictions: (pageId: string) =>
    request<PageRestrictions>('GET', `/api/pages/${encodeURIComponent(pageId)}/restrictions`),
  setPageRestrictions: (pageId: string, restrictions: PageRestrictionsInput) =>
    request<PageRestrictions>(
      'PUT',
      `/api/pages/${encodeURIComponent(pageId)}/restrictions`,
      restrictions,
    ),
  workspaceAdmins: () => request<WorkspaceAdmins>('GET', '/api/workspace/admins'),
  /** Every enabled person, for workspace members and admins (guests get 403). */
  people: () => request<People>('GET', '/api/people'),
};
