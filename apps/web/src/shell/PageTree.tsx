import { type KeyboardEvent, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import type { Space, TreeNode } from '../api/types';
import { visibleTreeItems } from '../spaces/visibleTreeItems';
import { PageTreeItem } from './PageTreeItem';

interface PageTreeProps {
  space: Space;
  tree: readonly TreeNode[];
  currentPageId: string | null;
  expanded: ReadonlySet<string>;
  onToggle(pageId: string, open: boolean): void;
  /** Adds a subpage under a node; absent for people who cannot create pages. */
  onAddSubpage?: (parentId: string) => void;
  liveTitles: ReadonlyMap<string, string>;
}

/**
 * A space's pages as a WAI-ARIA tree: one tab stop, arrows move and open/close, Home/End jump,
 * Enter opens the page.
 */
export function PageTree({
  space,
  tree,
  currentPageId,
  expanded,
  onToggle,
  onAddSubpage,
  liveTitles,
}: PageTreeProps) {
  const navigate = useNavigate();
  const root = useRef<HTMLDivElement>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const rows = visibleTreeItems(tree, expanded);

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

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const index = rows.findIndex((row) => row.node.id === tabStop);
    const row = rows[index];
    if (!row) return;
    const { node } = row;
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
        navigate(`/pages/${node.id}`);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  return (
    <div
      ref={root}
      role="tree"
      aria-label={`Pages in ${space.name}`}
      className="page-tree"
      onKeyDown={onKeyDown}
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
        />
      ))}
    </div>
  );
}
