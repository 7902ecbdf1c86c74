import type { Space } from '@lore/api';
import { useNavigate } from 'react-router';
import { pageHref } from './pageHref';
import { useSpaces } from './useSpaces';

/** Where an editor is told to put the focus in the title first (a page just created). */
export interface PageLocationState {
  focusTitle?: boolean;
}

/**
 * Creates an untitled page (at the top of `space`, or under `parentId`) and opens it with the
 * title field focused.
 */
export function useCreatePage(): (space: Space, parentId?: string | null) => Promise<void> {
  const { createPage } = useSpaces();
  const navigate = useNavigate();
  return async (space, parentId = null) => {
    const page = await createPage({ space, parentId });
    const state: PageLocationState = { focusTitle: true };
    navigate(pageHref(page), { state });
  };
}
