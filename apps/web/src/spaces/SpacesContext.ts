import type { NewSpaceInput, Page, Space, TreeNode } from '@lore/api';
import { createContext } from 'react';
import type { ApiError } from '../api/ApiError';
import type { MoveTarget } from '../tree/MoveTarget';

/** The spaces and their page trees, as last loaded from the server. */
export interface SpacesState {
  /** `null` until the first answer arrives. */
  spaces: Space[] | null;
  /** Page trees by space id; a space whose tree has not loaded yet is missing. */
  trees: ReadonlyMap<string, TreeNode[]>;
  /** Why the last refresh failed, cleared by the next one that succeeds. */
  error: ApiError | null;
}

export interface NewPageRequest {
  space: Space;
  /** The page the new one goes under, or none for a top-level page. */
  parentId?: string | null;
}

export interface Spaces extends SpacesState {
  /** Titles being edited right now in an open editor, by page id; newer than `trees`. */
  liveTitles: ReadonlyMap<string, string>;
  /** Loads spaces and trees again. */
  refresh(): Promise<void>;
  createSpace(input: NewSpaceInput): Promise<Space>;
  createPage(request: NewPageRequest): Promise<Page>;
  /** Moves a page to the trash and reloads the trees. */
  trashPage(pageId: string): Promise<Page>;
  restorePage(pageId: string): Promise<Page>;
  /**
   * Moves a page (and its subpages) in its space, or to the space `spaceId`. The trees show the
   * move at once; if the server refuses it they go back and the `ApiError` is thrown.
   */
  movePage(pageId: string, target: MoveTarget, spaceId?: string): Promise<Page>;
  /** Sets or (with `null`) removes a page's emoji, shown at once and undone on failure. */
  setPageIcon(pageId: string, icon: string | null): Promise<Page>;
  /** Publishes (or, with `null`, withdraws) the title an open editor is showing. */
  setLiveTitle(pageId: string, title: string | null): void;
}

export const SpacesContext = createContext<Spaces | null>(null);
