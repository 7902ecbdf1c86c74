import type { HomeJson, SinceLastVisitJson, SpaceActivityList } from '@lore/api';
import { request } from '../api/client';

const at = (id: string) => encodeURIComponent(id);

export const homeApi = {
  home: () => request<HomeJson>('GET', '/api/home'),
  spaceActivity: (space: string, before: string | null) =>
    request<SpaceActivityList>(
      'GET',
      `/api/spaces/${at(space)}/activity?limit=30${before ? `&before=${at(before)}` : ''}`,
    ),
  sinceLastVisit: (pageId: string) =>
    request<SinceLastVisitJson>('GET', `/api/pages/${at(pageId)}/since-last-visit`),
};
