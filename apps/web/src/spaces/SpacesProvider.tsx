import type { Space, TreeNode } from '@lore/api';
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError } from '../api/ApiError';
import { api } from '../api/client';
import { applyMove, removeFromTree } from '../tree/applyMove';
import { findTreeNode } from '../tree/findTreeNode';
import type { MoveTarget } from '../tree/MoveTarget';
import { pageLinksApi } from './pageLinksApi';
import { type Spaces, SpacesContext, type SpacesState } from './SpacesContext';

/** How often the trees are reloaded while the window is visible, to show others' changes. */
const refreshEveryMs = 30_000;

/** The trees after moving `pageId` to `target` in the space `toSpaceId` (its own by default). */
function treesAfterMove(
  trees: ReadonlyMap<string, TreeNode[]>,
  pageId: string,
  target: MoveTarget,
  toSpaceId: string | undefined,
): Map<string, TreeNode[]> {
  const next = new Map(trees);
  for (const [spaceId, tree] of trees) {
    const place = findTreeNode(tree, pageId);
    if (!place) continue;
    const destination = toSpaceId ?? spaceId;
    if (destination === spaceId) {
      next.set(spaceId, applyMove(tree, pageId, target));
    } else {
      next.set(spaceId, removeFromTree(tree, pageId));
      const other = trees.get(destination);
      if (other) next.set(destination, applyMove(other, pageId, target, place.node));
    }
  }
  return next;
}

function withIcon(nodes: readonly TreeNode[], pageId: string, icon: string | null): TreeNode[] {
  return nodes.map((node) =>
    node.id === pageId
      ? { ...node, icon }
      : { ...node, children: withIcon(node.children, pageId, icon) },
  );
}

async function loadAll(): Promise<{ spaces: Space[]; trees: Map<string, TreeNode[]> }> {
  const { spaces } = await api.listSpaces();
  const answers = await Promise.all(spaces.map((space) => api.spaceTree(space.id)));
  const trees = new Map<string, TreeNode[]>();
  answers.forEach((answer) => {
    trees.set(answer.space.id, answer.tree);
  });
  return { spaces, trees };
}

/**
 * Keeps the spaces and their page trees for the sidebar and the pages that show them. Reloads
 * after every change made here, when the window regains focus or the network returns, and every
 * 30 seconds, so pages others create show up without a reload.
 */
export function SpacesProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SpacesState>({
    spaces: null,
    trees: new Map(),
    error: null,
  });
  const [liveTitles, setLiveTitles] = useState<ReadonlyMap<string, string>>(new Map());
  // Answers can arrive out of order; only the newest request may write the state.
  const latest = useRef(0);
  const shownTrees = useRef(state.trees);
  shownTrees.current = state.trees;

  const refresh = useCallback(async () => {
    const ticket = ++latest.current;
    try {
      const { spaces, trees } = await loadAll();
      if (ticket === latest.current) setState({ spaces, trees, error: null });
    } catch (error) {
      if (ticket !== latest.current) return;
      if (error instanceof ApiError) setState((current) => ({ ...current, error }));
      else throw error;
    }
  }, []);

  useEffect(() => {
    void refresh();
    const refreshIfVisible = () => {
      if (document.visibilityState === 'visible') void refresh();
    };
    const timer = setInterval(refreshIfVisible, refreshEveryMs);
    window.addEventListener('focus', refreshIfVisible);
    window.addEventListener('online', refreshIfVisible);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', refreshIfVisible);
      window.removeEventListener('online', refreshIfVisible);
    };
  }, [refresh]);

  const setLiveTitle = useCallback((pageId: string, title: string | null) => {
    setLiveTitles((current) => {
      if (title === null ? !current.has(pageId) : current.get(pageId) === title) return current;
      const next = new Map(current);
      if (title === null) next.delete(pageId);
      else next.set(pageId, title);
      return next;
    });
  }, []);

  /**
   * Shows `change` in the trees at once, asks the server, and goes back to the trees as they
   * were if it refuses. Refreshes started before are ignored, so they cannot undo the change.
   */
  const optimistic = useCallback(
    async <T,>(
      change: (trees: ReadonlyMap<string, TreeNode[]>) => ReadonlyMap<string, TreeNode[]>,
      send: () => Promise<T>,
    ): Promise<T> => {
      const before = shownTrees.current;
      latest.current++;
      setState((current) => ({ ...current, trees: change(current.trees) }));
      try {
        const answer = await send();
        await refresh();
        return answer;
      } catch (error) {
        latest.current++;
        setState((current) => ({ ...current, trees: before }));
        throw error;
      }
    },
    [refresh],
  );

  const value = useMemo<Spaces>(
    () => ({
      ...state,
      liveTitles,
      refresh,
      setLiveTitle,
      createSpace: async (input) => {
        const { space } = await api.createSpace(input);
        await refresh();
        return space;
      },
      createPage: async ({ space, parentId }) => {
        const { page } = await api.createPage({ spaceId: space.id, parentId: parentId ?? null });
        await refresh();
        return page;
      },
      trashPage: async (pageId) => {
        const { page } = await api.trashPage(pageId);
        await refresh();
        return page;
      },
      movePage: async (pageId, target, spaceId) => {
        const { page } = await optimistic(
          (trees) => treesAfterMove(trees, pageId, target, spaceId),
          () => pageLinksApi.movePage(pageId, { ...target, ...(spaceId ? { spaceId } : {}) }),
        );
        return page;
      },
      setPageIcon: async (pageId, icon) => {
        const { page } = await optimistic(
          (trees) =>
            new Map([...trees].map(([spaceId, tree]) => [spaceId, withIcon(tree, pageId, icon)])),
          () => pageLinksApi.setIcon(pageId, icon),
        );
        return page;
      },
      restorePage: async (pageId) => {
        const { page } = await api.restorePage(pageId);
        await refresh();
        return page;
      },
    }),
    [state, liveTitles, refresh, setLiveTitle, optimistic],
  );

  return <SpacesContext value={value}>{children}</SpacesContext>;
}
