import type { SpaceRole } from '@lore/api';
import { api } from '../api/client';
import { accessApi } from './accessApi';

export interface SpaceGrantOfGroup {
  spaceId: string;
  spaceSlug: string;
  spaceName: string;
  role: SpaceRole;
}

/** The spaces a group has a role in, as far as the caller sees spaces (admins see them all). */
export async function loadSpacesGrantedTo(groupId: string): Promise<SpaceGrantOfGroup[]> {
  const { spaces } = await api.listSpaces();
  const lists = await Promise.all(
    spaces.map(async (space) => ({
      space,
      members: (await accessApi.spaceMembers(space.id)).members,
    })),
  );
  return lists.flatMap(({ space, members }) =>
    members
      .filter((member) => member.kind === 'group' && member.id === groupId)
      .map((member) => ({
        spaceId: space.id,
        spaceSlug: space.slug,
        spaceName: space.name,
        role: member.role,
      })),
  );
}
