import type { TreeNode } from '@lore/api';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { hasSpaceRole } from '../access/spaceRoleLabels';
import { api } from '../api/client';
import { queryKeys } from '../api/queryKeys';
import { useApiQuery } from '../api/useApiQuery';
import { FormError } from '../components/FormError';
import { PlusIcon } from '../components/PlusIcon';
import { SpaceWatchButton } from '../notifications/WatchButton';
import { displayTitle } from '../spaces/displayTitle';
import { pageHref } from '../spaces/pageHref';
import { useCreatePage } from '../spaces/useCreatePage';
import { useSpaces } from '../spaces/useSpaces';
import { PageLoadStatus } from './PageLoadStatus';
import './SpacePage.css';

function PageList({
  nodes,
  liveTitles,
}: {
  nodes: readonly TreeNode[];
  liveTitles: ReadonlyMap<string, string>;
}) {
  return (
    <ul className="space-pages">
      {nodes.map((node) => (
        <li key={node.id}>
          <Link to={pageHref(node)}>
            {node.icon && <span aria-hidden="true">{node.icon} </span>}
            {displayTitle(liveTitles.get(node.id) ?? node.title)}
          </Link>
          {node.children.length > 0 && <PageList nodes={node.children} liveTitles={liveTitles} />}
        </li>
      ))}
    </ul>
  );
}

/** A space's overview: what it is for, its pages, and the way to its trash. */
export function SpacePage() {
  const { slug = '' } = useParams();
  const { trees, liveTitles } = useSpaces();
  const createPage = useCreatePage();
  const { data: loaded, error } = useApiQuery(queryKeys.spaceTree(slug), () => api.spaceTree(slug));
  const [createError, setCreateError] = useState<string | null>(null);

  if (error || !loaded) return <PageLoadStatus error={error} loading="Loading space…" />;

  const { space } = loaded;
  // The sidebar's copy is refreshed after every change made in this window; prefer it.
  const tree = trees.get(space.id) ?? loaded.tree;
  const canEdit = hasSpaceRole(space.role, 'editor');

  const newPage = async () => {
    setCreateError(null);
    try {
      await createPage(space);
    } catch (failure) {
      setCreateError(failure instanceof Error ? failure.message : 'The page could not be created.');
    }
  };

  return (
    <div className="page">
      <title>{`${space.name} · Lore`}</title>
      <p className="page__eyebrow">{space.visibility === 'private' ? 'Private space' : 'Space'}</p>
      <h1 className="page__title">{space.name}</h1>
      {space.description && <p className="page__lead">{space.description}</p>}
      <div className="space-page__actions">
        {canEdit && (
          <button type="button" className="button button--primary" onClick={newPage}>
            <PlusIcon />
            New page
          </button>
        )}
        {canEdit && (
          <Link to={`/spaces/${space.slug}/trash`} className="button button--secondary">
            Trash
          </Link>
        )}
        <Link to={`/spaces/${space.slug}/activity`} className="button button--secondary">
          Activity
        </Link>
        <SpaceWatchButton space={space} />
        <Link to={`/spaces/${space.slug}/broken-links`} className="button button--secondary">
          Broken links
        </Link>
        <Link to={`/spaces/${space.slug}/settings`} className="button button--secondary">
          {space.role === 'admin' ? 'Settings and members' : 'Members'}
        </Link>
      </div>
      <FormError message={createError} />
      <section className="space-page__pages" aria-labelledby="space-pages-title">
        <h2 className="section__title" id="space-pages-title">
          Pages
        </h2>
        {tree.length === 0 ? (
          <div className="empty-state">
            <h3 className="empty-state__title">No pages yet</h3>
            <p>
              {canEdit
                ? 'Create the first page of this space with “New page”.'
                : 'Nobody has written anything here yet.'}
            </p>
          </div>
        ) : (
          <PageList nodes={tree} liveTitles={liveTitles} />
        )}
      </section>
    </div>
  );
}
