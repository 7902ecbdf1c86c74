import type { Space, TreeNode } from '@lore/api';
import { type DragEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { pageHref } from '../spaces/pageHref';
import { visibleTreeItems } from '../spaces/visibleTreeItems';
import { dropPositionAt } from '../tree/dropPositionAt';
import { findTreeNode } from '../tree/findTreeNode';
import type { MoveTarget } from '../tree/MoveTarget';
import { moveTargetForDrop } from '../tree/moveTargetForDrop';
import { type MoveKey, moveTargetForKey } from '../tree/moveTargetForKey';
import { type DropIndicator, PageTreeItem } from './PageTreeItem';

/** The drag data type that marks a page dragged from a tree of this app. */
export const pageDragType = 'application/x-lore-page';

/** How long a dragged page hovers over a closed page before it opens. */
const openOnHoverMs = 700;

interface PageTreeProps {
  space: Space;
  tree: readonly TreeNode[];
  currentPageId: string | null;
  expanded: ReadonlySet<string>;
  onToggle(pageId: string, open: boolean): void;
  /** Adds a subpage under a node; absent for people who cannot create pages. */
  onAddSubpage?: (parentId: string) => void;
  liveTitles: ReadonlyMap<string, string>;
  /**
   * Moves a page here (from this tree or another space's); absent for people who cannot edit.
   * Enables dragging and Alt+Shift+arrows.
   */
  onMove?: (pageId: string, target: MoveTarget, spaceId: string) => void;
  /** The page being dragged in any tree of the sidebar. */
  draggedId: string | null;
  onDragChange(pageId: string | null): void;
}

/**
 * A space's pages as a WAI-ARIA tree: one tab stop, arrows move and open/close, Home/End jump,
 * Enter opens the page. Pages are rearranged by dragging (before, after or into a row) or with
 * Alt+Shift+arrows on the focused page.
 */
export function PageTree({
  space,
  tree,
  currentPageId,
  expanded,
  onToggle,
  onAddSubpage,
  liveTitles,
  onMove,
  draggedId,
  onDragChange,
}: PageTreeProps) {
  const navigate = useNavigate();
  const root = useRef<HTMLDivElement>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [drop, setDrop] = useState<DropIndicator | null>(null);
  const hoverOpen = useRef<{ id: string; timer: ReturnType<typeof setTimeout> } | null>(null);
  const rows = visibleTreeItems(tree, expanded);

  useEffect(() => () => clearTimeout(hoverOpen.current?.timer), []);

  // The tab stop: the row last focused, else the current page, else the first row.
  const tabStop =
    rows.find((row) => row.node.id === activeId)?.node.id ??
    rows.find((row) => row.node.id === currentPageId)?.node.id ??
    rows[0]?.node.id ??
    null;

  const focusRow = (pageId: string | undefined) => {
    if (!pageId) return;
    setActiveId(pageId);
    root.current?.querySelector<HTMLElement>(`[data-page-id="${CSS.escape(pageId)}"]`)?.focus();
  };

  const moveWithKey = (pageId: string, key: MoveKey) => {
    const target = onMove && moveTargetForKey(tree, pageId, key);
    if (!onMove || !target) return;
    if (target.parentId) onToggle(target.parentId, true);
    onMove(pageId, target, space.id);
    // The row is rendered again at its new place; keep the keyboard on it.
    requestAnimationFrame(() => focusRow(pageId));
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const index = rows.findIndex((row) => row.node.id === tabStop);
    const row = rows[index];
    if (!row) return;
    const { node } = row;
    if (event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey) {
      if (!['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'].includes(event.key)) return;
      event.preventDefault();
      moveWithKey(node.id, event.key as MoveKey);
      return;
    }
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const hasChildren = node.children.length > 0;
    const isOpen = hasChildren && expanded.has(node.id);
    switch (event.key) {
      case 'ArrowDown':
        focusRow(rows[index + 1]?.node.id);
        break;
      case 'ArrowUp':
        focusRow(rows[index - 1]?.node.id);
        break;
      case 'Home':
        focusRow(rows[0]?.node.id);
        break;
      case 'End':
        focusRow(rows[rows.length - 1]?.node.id);
        break;
      case 'ArrowRight':
        if (hasChildren && !isOpen) onToggle(node.id, true);
        else if (isOpen) focusRow(node.children[0]?.id);
        break;
      case 'ArrowLeft':
        if (isOpen) onToggle(node.id, false);
        else focusRow(row.parentId ?? undefined);
        break;
      case 'Enter':
      case ' ':
        navigate(pageHref(node));
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  const rowOf = (event: DragEvent) =>
    (event.target as Element).closest<HTMLElement>('.page-tree__row[data-row-id]');

  const clearHoverOpen = () => {
    clearTimeout(hoverOpen.current?.timer);
    hoverOpen.current = null;
  };

  const onDragStart = (event: DragEvent) => {
    const row = rowOf(event);
    const pageId = row?.dataset.rowId;
    const place = pageId ? findTreeNode(tree, pageId) : null;
    if (!onMove || !place) return;
    event.dataTransfer.effectAllowed = 'move';
    event.dataTransfer.setData(pageDragType, place.node.id);
    const href = new URL(pageHref(place.node), window.location.origin).href;
    event.dataTransfer.setData('text/uri-list', href);
    event.dataTransfer.setData('text/plain', href);
    onDragChange(place.node.id);
  };

  /** Where the page being dragged would land, or null where it cannot go. */
  const dropAt = (event: DragEvent) => {
    const row = rowOf(event);
    const targetId = row?.dataset.rowId;
    if (!onMove || !draggedId || !row || !targetId) return null;
    const box = row.getBoundingClientRect();
    const target = findTreeNode(tree, targetId)?.node;
    const isOpenParent = !!target && target.children.length > 0 && expanded.has(targetId);
    const position = dropPositionAt(event.clientY - box.top, box.height, isOpenParent);
    const move = moveTargetForDrop(tree, draggedId, targetId, position);
    return move ? { indicator: { targetId, position }, move } : null;
  };

  const onDragOver = (event: DragEvent) => {
    if (!event.dataTransfer.types.includes(pageDragType)) return;
    const at = dropAt(event);
    if (!at) {
      setDrop(null);
      event.dataTransfer.dropEffect = 'none';
      return;
    }
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    if (drop?.targetId !== at.indicator.targetId || drop.position !== at.indicator.position) {
      setDrop(at.indicator);
    }
    // Hovering over a closed page opens it, so a page can be dropped deep in the tree.
    const { targetId } = at.indicator;
    if (at.indicator.position === 'inside' && !expanded.has(targetId)) {
      if (hoverOpen.current?.id !== targetId) {
        clearHoverOpen();
        hoverOpen.current = {
          id: targetId,
          timer: setTimeout(() => onToggle(targetId, true), openOnHoverMs),
        };
      }
    } else {
      clearHoverOpen();
    }
  };

  const onDrop = (event: DragEvent) => {
    const at = dropAt(event);
    setDrop(null);
    clearHoverOpen();
    if (!at || !draggedId || !onMove) return;
    event.preventDefault();
    if (at.indicator.position === 'inside') onToggle(at.indicator.targetId, true);
    onMove(draggedId, at.move, space.id);
    onDragChange(null);
  };

  return (
    <div
      ref={root}
      role="tree"
      aria-label={`Pages in ${space.name}`}
      className="page-tree"
      onKeyDown={onKeyDown}
      onDragStart={onDragStart}
      onDragOver={onDragOver}
      onDragLeave={(event) => {
        if (!root.current?.contains(event.relatedTarget as Node | null)) {
          setDrop(null);
          clearHoverOpen();
        }
      }}
      onDrop={onDrop}
      onDragEnd={() => {
        setDrop(null);
        clearHoverOpen();
        onDragChange(null);
      }}
    >
      {tree.map((node) => (
        <PageTreeItem
          key={node.id}
          node={node}
          level={1}
          tabStop={tabStop}
          currentPageId={currentPageId}
          expanded={expanded}
          onToggle={onToggle}
          onFocusRow={setActiveId}
          onAddSubpage={onAddSubpage}
          liveTitles={liveTitles}
          draggable={!!onMove}
          draggedId={draggedId}
          drop={drop}
        />
      ))}
    </div>
  );
}
