import type { Space, TreeNode } from '@lore/api';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { PlusIcon } from '../components/PlusIcon';
import { displayTitle } from '../spaces/displayTitle';
import { pageHref } from '../spaces/pageHref';
import type { CollabSession, ConnectionState } from './CollabSession';
import { ConnectionStatus } from './ConnectionStatus';
import { PresenceList } from './PresenceList';

interface PageHeaderProps {
  session: CollabSession | null;
  connection: ConnectionState;
  space: Space | null;
  /** The page's ancestors, top first. */
  ancestors: readonly TreeNode[];
  liveTitles: ReadonlyMap<string, string>;
  readOnly: boolean;
  /** Absent while the page's space is unknown (offline) or for guests. */
  onAddSubpage?: (() => void) | undefined;
  onTrash?: (() => void) | undefined;
  /** The page history controls: "last edited by" and the History button. */
  history?: ReactNode;
  /** Link and tree actions: "Copy link", "Move…". */
  actions?: ReactNode;
}

/** The bar above a page: where it sits, who is here, the connection, and page actions. */
export function PageHeader({
  session,
  connection,
  space,
  ancestors,
  liveTitles,
  readOnly,
  onAddSubpage,
  onTrash,
  history,
  actions,
}: PageHeaderProps) {
  return (
    <div className="page-header">
      <nav className="page-header__crumbs" aria-label="Breadcrumb">
        {space && (
          <ol>
            <li>
              <Link to={`/spaces/${space.slug}`}>{space.name}</Link>
            </li>
            {ancestors.map((node) => (
              <li key={node.id}>
                <Link to={pageHref(node)}>
                  {node.icon && <span aria-hidden="true">{node.icon} </span>}
                  {displayTitle(liveTitles.get(node.id) ?? node.title)}
                </Link>
              </li>
            ))}
          </ol>
        )}
      </nav>
      <div className="page-header__meta">
        {readOnly && <span className="badge page-header__view-only">View only</span>}
        <ConnectionStatus state={connection} />
        {session && <PresenceList awareness={session.provider.awareness} />}
        {history}
        {actions}
        {onAddSubpage && (
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={onAddSubpage}
          >
            <PlusIcon />
            Add subpage
          </button>
        )}
        {onTrash && (
          <button type="button" className="button button--danger button--small" onClick={onTrash}>
            Move to trash
          </button>
        )}
      </div>
    </div>
  );
}
