import {
  groupBodySchema,
  groupNameBodySchema,
  groupsSchema,
  groupWithMembersSchema,
  pageRestrictionsBodySchema,
  pageRestrictionsSchema,
  spaceMemberBodySchema,
  spaceMemberRoleBodySchema,
  spaceMembersSchema,
} from '@lore/api';
import type { Group, GroupWithMembers, PrincipalKind, SpaceMember } from '@lore/core';
import { z } from 'zod';
import { defineRoute } from '../http/route';
import type { Services } from '../Services';
import { errorResponse } from './schemas';

const id = z.string().min(1).max(100);
const spaceParams = z.object({ space: id });
const memberParams = z.object({ space: id, principalId: id });
const groupParams = z.object({ id });
const groupMemberParams = z.object({ id, userId: id });
const pageParams = z.object({ id });

const iso = (ms: number) => new Date(ms).toISOString();

const presentGroup = (group: Group) => ({
  id: group.id,
  name: group.name,
  createdAt: iso(group.createdAt),
  updatedAt: iso(group.updatedAt),
});

const presentMember = (member: SpaceMember) => ({
  kind: member.kind,
  id: member.principalId,
  name: member.name,
  role: member.role,
});

const presentGroupWithMembers = (services: Services, { group, memberIds }: GroupWithMembers) => ({
  group: presentGroup(group),
  members: services.revisions
    .people(memberIds)
    .map((person) => ({ id: person.id, displayName: person.displayName }))
    .sort((a, b) => a.displayName.localeCompare(b.displayName)),
});

/** PUT and DELETE of one kind of space member (people or groups). */
function memberRoutes(kind: PrincipalKind) {
  const segment = kind === 'user' ? 'users' : 'groups';
  const noun = kind === 'user' ? 'person' : 'group';
  return [
    defineRoute({
      method: 'put',
      path: `/api/spaces/:space/members/${segment}/:principalId`,
      tag: 'Access',
      summary: `Give a ${noun} a role in the space, or change it (space admins; never above their own role)`,
      access: 'user',
      params: memberParams,
      body: spaceMemberRoleBodySchema,
      responses: {
        200: { description: 'The member', schema: spaceMemberBodySchema },
        400: errorResponse('Guests cannot be space admins (`invalid_request`)'),
        403: errorResponse('The caller is not an admin of the space'),
        404: errorResponse(
          `No such space, or no such ${noun} (\`space_not_found\`, \`${kind}_not_found\`)`,
        ),
      },
      handler: ({ actor, params, body, services }) => ({
        status: 200,
        body: {
          member: presentMember(
            services.spaceMembers.set(actor, params.space, kind, params.principalId, body.role),
          ),
        },
      }),
    }),
    defineRoute({
      method: 'delete',
      path: `/api/spaces/:space/members/${segment}/:principalId`,
      tag: 'Access',
      summary: `Remove a ${noun} from the space's members (space admins)`,
      access: 'user',
      params: memberParams,
      responses: {
        204: { description: 'Removed' },
        403: errorResponse('The caller is not an admin of the space'),
        404: errorResponse('No such space or member (`space_not_found`, `member_not_found`)'),
      },
      handler: ({ actor, params, services }) => {
        services.spaceMembers.remove(actor, params.space, kind, params.principalId);
        return { status: 204 };
      },
    }),
  ];
}

/** Space members, groups and page restrictions: the `access` module's routes. */
export const accessRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/spaces/:space/members',
    tag: 'Access',
    summary: "The space's members: groups, then people, with their roles",
    access: 'user',
    params: spaceParams,
    responses: {
      200: { description: 'Members', schema: spaceMembersSchema },
      404: errorResponse('No such space, or one the caller cannot see (`space_not_found`)'),
    },
    handler: ({ actor, params, services }) => ({
      status: 200,
      body: { members: services.spaceMembers.list(actor, params.space).map(presentMember) },
    }),
  }),
  ...memberRoutes('user'),
  ...memberRoutes('group'),
  defineRoute({
    method: 'get',
    path: '/api/groups',
    tag: 'Access',
    summary: 'Every group, by name (workspace admins and members)',
    access: 'user',
    responses: {
      200: { description: 'Groups', schema: groupsSchema },
      403: errorResponse('Guests cannot list groups'),
    },
    handler: ({ actor, services }) => ({
      status: 200,
      body: { groups: services.groups.list(actor).map(presentGroup) },
    }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/groups',
    tag: 'Access',
    summary: 'Create a group (workspace admins)',
    access: 'user',
    body: groupNameBodySchema,
    responses: {
      201: { description: 'The group', schema: groupBodySchema },
      403: errorResponse('The caller is not a workspace admin'),
      409: errorResponse('Another group has the name (`group_name_taken`)'),
    },
    handler: ({ actor, body, services }) => ({
      status: 201,
      body: { group: presentGroup(services.groups.create(actor, body.name)) },
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/groups/:id',
    tag: 'Access',
    summary: 'A group with its members (workspace admins and members)',
    access: 'user',
    params: groupParams,
    responses: {
      200: { description: 'The group', schema: groupWithMembersSchema },
      403: errorResponse('Guests cannot see groups'),
      404: errorResponse('No such group (`group_not_found`)'),
    },
    handler: ({ actor, params, services }) => ({
      status: 200,
      body: presentGroupWithMembers(services, services.groups.get(actor, params.id)),
    }),
  }),
  defineRoute({
    method: 'patch',
    path: '/api/groups/:id',
    tag: 'Access',
    summary: 'Rename a group (workspace admins)',
    access: 'user',
    params: groupParams,
    body: groupNameBodySchema,
    responses: {
      200: { description: 'The group', schema: groupBodySchema },
      403: errorResponse('The caller is not a workspace admin'),
      404: errorResponse('No such group (`group_not_found`)'),
      409: errorResponse('Another group has the name (`group_name_taken`)'),
    },
    handler: ({ actor, params, body, services }) => ({
      status: 200,
      body: { group: presentGroup(services.groups.rename(actor, params.id, body.name)) },
    }),
  }),
  defineRoute({
    method: 'delete',
    path: '/api/groups/:id',
    tag: 'Access',
    summary:
      'Delete a group; its space roles and its places in page restrictions go with it (workspace admins)',
    access: 'user',
    params: groupParams,
    responses: {
      204: { description: 'Deleted' },
      403: errorResponse('The caller is not a workspace admin'),
      404: errorResponse('No such group (`group_not_found`)'),
    },
    handler: ({ actor, params, services }) => {
      services.groups.delete(actor, params.id);
      return { status: 204 };
    },
  }),
  defineRoute({
    method: 'put',
    path: '/api/groups/:id/members/:userId',
    tag: 'Access',
    summary: 'Add a person to a group (workspace admins); adding a member again changes nothing',
    access: 'user',
    params: groupMemberParams,
    responses: {
      200: { description: 'The group', schema: groupWithMembersSchema },
      403: errorResponse('The caller is not a workspace admin'),
      404: errorResponse('No such group or user (`group_not_found`, `user_not_found`)'),
    },
    handler: ({ actor, params, services }) => ({
      status: 200,
      body: presentGroupWithMembers(
        services,
        services.groups.addMember(actor, params.id, params.userId),
      ),
    }),
  }),
  defineRoute({
    method: 'delete',
    path: '/api/groups/:id/members/:userId',
    tag: 'Access',
    summary: 'Remove a person from a group (workspace admins)',
    access: 'user',
    params: groupMemberParams,
    responses: {
      200: { description: 'The group', schema: groupWithMembersSchema },
      403: errorResponse('The caller is not a workspace admin'),
      404: errorResponse('No such group or member (`group_not_found`, `member_not_found`)'),
    },
    handler: ({ actor, params, services }) => ({
      status: 200,
      body: presentGroupWithMembers(
        services,
        services.groups.removeMember(actor, params.id, params.userId),
      ),
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/pages/:id/restrictions',
    tag: 'Access',
    summary: "The page's restrictions, and the restricted pages above it that also apply",
    access: 'user',
    params: pageParams,
    responses: {
      200: { description: 'Restrictions', schema: pageRestrictionsSchema },
      404: errorResponse('No such page, or one the caller cannot read (`page_not_found`)'),
    },
    handler: ({ actor, params, services }) => ({
      status: 200,
      body: services.pageRestrictions.get(actor, params.id),
    }),
  }),
  defineRoute({
    method: 'put',
    path: '/api/pages/:id/restrictions',
    tag: 'Access',
    summary:
      'Restrict who may read and who may edit the page and its subpages (null lifts a list); editors of the page, who must stay on the lists',
    access: 'user',
    params: pageParams,
    body: pageRestrictionsBodySchema,
    responses: {
      200: { description: 'Restrictions', schema: pageRestrictionsSchema },
      400: errorResponse(
        'An unknown user or group, or lists that would lock the caller out (`invalid_request`)',
      ),
      403: errorResponse('The caller may read the page but not edit it'),
      404: errorResponse('No such page, or one the caller cannot read (`page_not_found`)'),
    },
    handler: ({ actor, params, body, services }) => ({
      status: 200,
      body: services.pageRestrictions.set(actor, params.id, { view: body.view, edit: body.edit }),
    }),
  }),
];
