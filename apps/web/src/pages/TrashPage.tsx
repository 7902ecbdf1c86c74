import type { Page, Space } from '@lore/api';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../api/client';
import { queryKeys } from '../api/queryKeys';
import { useApiQuery } from '../api/useApiQuery';
import { FormError } from '../components/FormError';
import { formatDateTime } from '../format/formatDateTime';
import { useCurrentUser } from '../session/useCurrentUser';
import { displayTitle } from '../spaces/displayTitle';
import { useSpaces } from '../spaces/useSpaces';
import { PageLoadStatus } from './PageLoadStatus';
import './SpacePage.css';

async function loadTrash(slug: string): Promise<{ space: Space; pages: Page[] }> {
  const [{ space }, { pages }] = await Promise.all([api.getSpace(slug), api.spaceTrash(slug)]);
  return { space, pages };
}

/** Pages moved to a space's trash, newest first, each with a way back. */
export function TrashPage() {
  const { slug = '' } = useParams();
  const user = useCurrentUser();
  const { restorePage } = useSpaces();
  const {
    data: loaded,
    error,
    setData: setLoaded,
  } = useApiQuery(queryKeys.spaceTrash(slug), () => loadTrash(slug));
  const [actionError, setActionError] = useState<string | null>(null);
  const [restored, setRestored] = useState<Page | null>(null);

  if (error || !loaded)
    return <PageLoadStatus error={error} loading="Loading trash…" space={slug} />;
  const { space, pages } = loaded;

  const restore = async (page: Page) => {
    setActionError(null);
    try {
      const back = await restorePage(page.id);
      setRestored(back);
      setLoaded((current) =>
        current ? { ...current, pages: current.pages.filter((p) => p.id !== page.id) } : current,
      );
    } catch (failure) {
      setActionError(
        failure instanceof Error ? failure.message : 'The page could not be restored.',
      );
    }
  };

  return (
    <div className="page">
      <title>{`Trash · ${space.name} · Lore`}</title>
      <p className="page__eyebrow">
        <Link to={`/spaces/${space.slug}`}>{space.name}</Link>
      </p>
      <h1 className="page__title">Trash</h1>
      <p className="page__lead">
        Pages moved to the trash, with their subpages. Restore one to put it back where it was.
      </p>
      <div aria-live="polite">
        {restored && (
          <p className="notice">
            Restored “{displayTitle(restored.title)}”.{' '}
            <Link to={`/pages/${restored.id}`}>Open it</Link>
          </p>
        )}
      </div>
      <FormError message={actionError} />
      {pages.length === 0 ? (
        <div className="empty-state">
          <h2 className="empty-state__title">The trash is empty</h2>
          <p>Pages deleted from this space will wait here.</p>
        </div>
      ) : (
        <ul className="trash-list">
          {pages.map((page) => (
            <li key={page.id} className="trash-list__item">
              <span>
                <span className="trash-list__title">{displayTitle(page.title)}</span>
                {page.deletedAt && (
                  <span className="trash-list__meta">Deleted {formatDateTime(page.deletedAt)}</span>
                )}
              </span>
              {user.role !== 'guest' && (
                <button
                  type="button"
                  className="button button--secondary button--small"
                  aria-label={`Restore ${displayTitle(page.title)}`}
                  onClick={() => restore(page)}
                >
                  Restore
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
