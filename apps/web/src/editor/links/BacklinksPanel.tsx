import { useEffect, useId } from 'react';
import { Link } from 'react-router';
import { queryKeys } from '../../api/queryKeys';
import { useApiQuery } from '../../api/useApiQuery';
import { displayTitle } from '../../spaces/displayTitle';
import { pageHref } from '../../spaces/pageHref';
import { pageLinksApi } from '../../spaces/pageLinksApi';
import './links.css';

/** How often the list is asked again while the page is open, to show new links. */
const refreshEveryMs = 60_000;

/** "Linked from": the pages that link to this one, below its content. */
export function BacklinksPanel({ pageId }: { pageId: string }) {
  const headingId = useId();
  const { data, error, reload } = useApiQuery(
    queryKeys.backlinks(pageId),
    () => pageLinksApi.backlinks(pageId),
    { refetchEveryMs: refreshEveryMs },
  );
  const backlinks = data?.backlinks ?? null;

  useEffect(() => {
    window.addEventListener('focus', reload);
    return () => window.removeEventListener('focus', reload);
  }, [reload]);

  return (
    <section className="backlinks" aria-labelledby={headingId}>
      <h2 id={headingId} className="backlinks__heading">
        Linked from
      </h2>
      {backlinks === null ? (
        <p className="backlinks__empty">
          {error ? (error.status === 0 ? 'Offline.' : error.message) : 'Loading…'}
        </p>
      ) : backlinks.length === 0 ? (
        <p className="backlinks__empty">
          No page links here yet. Type <kbd>[[</kbd> in another page to link to this one.
        </p>
      ) : (
        <ul className="backlinks__list">
          {backlinks.map((backlink) => (
            <li key={backlink.page.id} className="backlinks__item">
              <Link to={pageHref(backlink.page)} className="backlinks__link">
                {backlink.page.icon && <span aria-hidden="true">{backlink.page.icon} </span>}
                {displayTitle(backlink.page.title)}
              </Link>
              <span className="backlinks__space">{backlink.space.name}</span>
              {backlink.texts.some((text) => text.trim() !== '') && (
                <span className="backlinks__texts">
                  {[...new Set(backlink.texts.filter((text) => text.trim() !== ''))]
                    .map((text) => `“${text}”`)
                    .join(', ')}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
