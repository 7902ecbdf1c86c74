import type { Space } from '@lore/api';
import { type DragEvent, type ReactNode, useEffect, useState } from 'react';
import { NavLink } from 'react-router';
import { hasSpaceRole } from '../access/spaceRoleLabels';
import { ApiError } from '../api/ApiError';
import { LockIcon } from '../components/LockIcon';
import { PlusIcon } from '../components/PlusIcon';
import { useCurrentUser } from '../session/useCurrentUser';
import { findTreePath } from '../spaces/findTreePath';
import { useCreatePage } from '../spaces/useCreatePage';
import { useCurrentPageId } from '../spaces/useCurrentPageId';
import { useSpaces } from '../spaces/useSpaces';
import type { MoveTarget } from '../tree/MoveTarget';
import { moveErrorMessage } from '../tree/moveErrorMessage';
import { NewSpaceDialog } from './NewSpaceDialog';
import { PageTree, pageDragType } from './PageTree';

/**
 * The spaces in the sidebar, each with its page tree, and the buttons that create spaces and
 * pages. The page being viewed is highlighted and its ancestors are opened.
 */
export function SpaceList({ headingId }: { headingId: string }) {
  const user = useCurrentUser();
  // Guests cannot create spaces; pages need the editor role in their space.
  const canCreateSpace = user.role !== 'guest';
  const editsSpace = (space: Space) => hasSpaceRole(space.role, 'editor');
  const { spaces, trees, error, liveTitles, refresh, movePage } = useSpaces();
  const createPage = useCreatePage();
  const currentPageId = useCurrentPageId();
  const [draggedId, setDraggedId] = useState<string | null>(null);
  const [dropSpaceId, setDropSpaceId] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [creatingSpace, setCreatingSpace] = useState(false);
  const [createError, setCreateError] = useState<string | null>(null);

  // Opens the ancestors of the page being viewed, e.g. after following a link to a deep page.
  useEffect(() => {
    if (!currentPageId) return;
    for (const tree of trees.values()) {
      const path = findTreePath(tree, currentPageId);
      if (!path) continue;
      const ancestors = path.slice(0, -1).map((node) => node.id);
      setExpanded((current) =>
        ancestors.every((id) => current.has(id)) ? current : new Set([...current, ...ancestors]),
      );
    }
  }, [currentPageId, trees]);

  const toggle = (pageId: string, open: boolean) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (open) next.add(pageId);
      else next.delete(pageId);
      return next;
    });

  const newPage = async (space: Space, parentId: string | null = null) => {
    setCreateError(null);
    try {
      await createPage(space, parentId);
      if (parentId) toggle(parentId, true);
    } catch (failure) {
      setCreateError(failure instanceof Error ? failure.message : 'The page could not be created.');
    }
  };

  const move = async (pageId: string, target: MoveTarget, spaceId: string) => {
    setCreateError(null);
    try {
      await movePage(pageId, target, spaceId);
    } catch (failure) {
      if (!(failure instanceof ApiError)) throw failure;
      setCreateError(moveErrorMessage(failure));
    }
  };

  /** Dropping a page on a space's name puts it last at the top level of that space. */
  const spaceDropProps = (space: Space) =>
    editsSpace(space) && draggedId
      ? {
          'data-drop': dropSpaceId === space.id ? 'inside' : undefined,
          onDragOver: (event: DragEvent) => {
            if (!event.dataTransfer.types.includes(pageDragType)) return;
            event.preventDefault();
            event.dataTransfer.dropEffect = 'move';
            setDropSpaceId(space.id);
          },
          onDragLeave: () => setDropSpaceId(null),
          onDrop: (event: DragEvent) => {
            event.preventDefault();
            setDropSpaceId(null);
            setDraggedId(null);
            void move(draggedId, { parentId: null, afterId: null, beforeId: null }, space.id);
          },
        }
      : {};

  const header = (
    <div className="space-list__header">
      <h2 className="sidebar__heading" id={headingId}>
        Spaces
      </h2>
      {canCreateSpace && (
        <button
          type="button"
          className="space-list__new-space"
          onClick={() => setCreatingSpace(true)}
        >
          <PlusIcon />
          New space
        </button>
      )}
    </div>
  );

  let body: ReactNode;
  if (spaces === null) {
    body = error ? (
      <div className="space-list__empty" role="status">
        <p className="space-list__empty-title">
          {error.status === 0 ? 'Offline' : 'Spaces could not be loaded'}
        </p>
        <p>
          {error.status === 0
            ? 'Spaces will be listed again when the connection returns.'
            : error.message}
        </p>
        <button type="button" className="button button--secondary button--small" onClick={refresh}>
          Try again
        </button>
      </div>
    ) : (
      <p className="space-list__loading">Loading spaces…</p>
    );
  } else if (spaces.length === 0) {
    body = (
      <div className="space-list__empty">
        {canCreateSpace ? (
          <p className="space-list__empty-title">
            No spaces yet —{' '}
            <button type="button" className="link-button" onClick={() => setCreatingSpace(true)}>
              create the first one
            </button>
          </p>
        ) : (
          <p className="space-list__empty-title">No spaces yet</p>
        )}
        <p>Spaces group related pages.</p>
      </div>
    );
  } else {
    body = (
      <ul className="space-list">
        {spaces.map((space) => {
          const tree = trees.get(space.id);
          return (
            <li key={space.id} className="space-list__space">
              <div className="space-list__space-row" {...spaceDropProps(space)}>
                <NavLink to={`/spaces/${space.slug}`} className="sidebar__link space-list__name">
                  <span className="space-list__dot" aria-hidden="true" />
                  <span className="space-list__label">{space.name}</span>
                  {space.visibility === 'private' && (
                    <span className="space-list__private" title="Private space">
                      <LockIcon />
                      <span className="visually-hidden"> (private)</span>
                    </span>
                  )}
                </NavLink>
                {editsSpace(space) && (
                  <button
                    type="button"
                    className="icon-button space-list__new-page"
                    aria-label={`New page in ${space.name}`}
                    title="New page"
                    onClick={() => newPage(space)}
                  >
                    <PlusIcon />
                  </button>
                )}
              </div>
              {tree === undefined ? null : tree.length === 0 ? (
                <p className="space-list__no-pages">No pages yet</p>
              ) : (
                <PageTree
                  space={space}
                  tree={tree}
                  currentPageId={currentPageId}
                  expanded={expanded}
                  onToggle={toggle}
                  onAddSubpage={
                    editsSpace(space) ? (parentId) => newPage(space, parentId) : undefined
                  }
                  liveTitles={liveTitles}
                  onMove={editsSpace(space) ? move : undefined}
                  draggedId={draggedId}
                  onDragChange={setDraggedId}
                />
              )}
            </li>
          );
        })}
      </ul>
    );
  }

  return (
    <>
      {header}
      <div className="space-list__status" aria-live="assertive">
        {createError && <p className="form-error__message">{createError}</p>}
      </div>
      {body}
      {creatingSpace && <NewSpaceDialog onClose={() => setCreatingSpace(false)} />}
    </>
  );
}
