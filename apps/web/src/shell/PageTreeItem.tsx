import type { TreeNode } from '@lore/api';
import type { CSSProperties } from 'react';
import { Link } from 'react-router';
import { ChevronIcon } from '../components/ChevronIcon';
import { PlusIcon } from '../components/PlusIcon';
import { displayTitle } from '../spaces/displayTitle';
import { pageHref } from '../spaces/pageHref';
import type { DropPosition } from '../tree/dropPositionAt';

/** The drop indicator: which row it is drawn on, and where. */
export interface DropIndicator {
  targetId: string;
  position: DropPosition;
}

interface PageTreeItemProps {
  node: TreeNode;
  level: number;
  /** The one row that is in the tab order. */
  tabStop: string | null;
  currentPageId: string | null;
  expanded: ReadonlySet<string>;
  onToggle(pageId: string, open: boolean): void;
  onFocusRow(pageId: string): void;
  onAddSubpage?: ((parentId: string) => void) | undefined;
  liveTitles: ReadonlyMap<string, string>;
  /** Rows can be dragged (people who may edit). */
  draggable: boolean;
  /** The page being dragged, drawn faded. */
  draggedId: string | null;
  drop: DropIndicator | null;
}

/** One page of the tree with its subpages. The row's buttons are for the pointer only. */
export function PageTreeItem(props: PageTreeItemProps) {
  const { node, level, tabStop, currentPageId, expanded, onToggle, onFocusRow, onAddSubpage } =
    props;
  const hasChildren = node.children.length > 0;
  const isOpen = hasChildren && expanded.has(node.id);
  const isCurrent = node.id === currentPageId;
  const title = displayTitle(props.liveTitles.get(node.id) ?? node.title);
  const labelId = `tree-label-${node.id}`;
  const drop = props.drop?.targetId === node.id ? props.drop.position : undefined;

  return (
    <div
      role="treeitem"
      className="page-tree__item"
      data-page-id={node.id}
      aria-labelledby={labelId}
      aria-level={level}
      aria-expanded={hasChildren ? isOpen : undefined}
      aria-selected={isCurrent}
      tabIndex={node.id === tabStop ? 0 : -1}
      onFocus={(event) => {
        event.stopPropagation();
        onFocusRow(node.id);
      }}
    >
      <div
        className="page-tree__row"
        data-row-id={node.id}
        data-current={isCurrent || undefined}
        data-drop={drop}
        data-dragged={props.draggedId === node.id || undefined}
        draggable={props.draggable}
        style={{ '--tree-level': level } as CSSProperties}
      >
        {hasChildren ? (
          <button
            type="button"
            tabIndex={-1}
            aria-hidden="true"
            className="page-tree__toggle"
            data-open={isOpen || undefined}
            onClick={() => onToggle(node.id, !isOpen)}
          >
            <ChevronIcon className="page-tree__chevron" />
          </button>
        ) : (
          <span className="page-tree__toggle-space" aria-hidden="true" />
        )}
        <Link
          id={labelId}
          to={pageHref(node)}
          tabIndex={-1}
          draggable={false}
          className="page-tree__link"
          aria-current={isCurrent ? 'page' : undefined}
          title={title}
        >
          {node.icon && (
            <span className="page-tree__icon" aria-hidden="true">
              {node.icon}
            </span>
          )}
          {title}
        </Link>
        {onAddSubpage && (
          <button
            type="button"
            tabIndex={-1}
            className="page-tree__add"
            aria-label={`Add a subpage to ${title}`}
            title="Add a subpage"
            onClick={() => onAddSubpage(node.id)}
          >
            <PlusIcon />
          </button>
        )}
      </div>
      {isOpen && (
        // biome-ignore lint/a11y/useSemanticElements: a group of tree items is not a fieldset.
        <div role="group" className="page-tree__group">
          {node.children.map((child) => (
            <PageTreeItem {...props} key={child.id} node={child} level={level + 1} />
          ))}
        </div>
      )}
    </div>
  );
}
