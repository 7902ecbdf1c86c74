import type { Backlink } from '@lore/api';
import { useEffect, useId, useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../api/ApiError';
import { displayTitle } from '../../spaces/displayTitle';
import { pageHref } from '../../spaces/pageHref';
import { pageLinksApi } from '../../spaces/pageLinksApi';
import './links.css';

/** How often the list is asked again while the page is open, to show new links. */
const refreshEveryMs = 60_000;

/** "Linked from": the pages that link to this one, below its content. */
export function BacklinksPanel({ pageId }: { pageId: string }) {
  const [backlinks, setBacklinks] = useState<Backlink[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const headingId = useId();

  useEffect(() => {
    let current = true;
    const load = () =>
      pageLinksApi.backlinks(pageId).then(
        (answer) => {
          if (!current) return;
          setBacklinks(answer.backlinks);
          setError(null);
        },
        (failure: unknown) => {
          if (!current) return;
          if (!(failure instanceof ApiError)) throw failure;
          setError(failure.status === 0 ? 'Offline.' : failure.message);
        },
      );
    void load();
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void load();
    }, refreshEveryMs);
    window.addEventListener('focus', load);
    return () => {
      current = false;
      clearInterval(timer);
      window.removeEventListener('focus', load);
    };
  }, [pageId]);

  return (
    <section className="backlinks" aria-labelledby={headingId}>
      <h2 id={headingId} className="backlinks__heading">
        Linked from
      </h2>
      {backlinks === null ? (
        <p className="backlinks__empty">{error ?? 'Loading…'}</p>
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
