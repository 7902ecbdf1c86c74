import { useSearchParams } from 'react-router';

/** Search results. No search index exists on the server yet, so this says so plainly. */
export function SearchPage() {
  const [params] = useSearchParams();
  const query = params.get('q')?.trim() ?? '';

  return (
    <div className="page">
      <title>{query ? `${query} · Search · Lore` : 'Search · Lore'}</title>
      <h1 className="page__title">Search</h1>
      {query && (
        <p className="page__lead">
          Results for <strong>“{query}”</strong>
        </p>
      )}
      <div className="empty-state" role="status">
        <svg viewBox="0 0 16 16" width="28" height="28" aria-hidden="true" focusable="false">
          <path
            fill="currentColor"
            d="M7 1.5a5.5 5.5 0 0 1 4.38 8.82l3.15 3.15a.75.75 0 1 1-1.06 1.06l-3.15-3.15A5.5 5.5 0 1 1 7 1.5ZM3 7a4 4 0 1 0 8 0 4 4 0 0 0-8 0Z"
          />
        </svg>
        <h2 className="empty-state__title">No search index yet</h2>
        <p>
          This Lore server does not have a search index yet, so nothing can be found. Searching will
          work here as soon as the server indexes pages.
        </p>
      </div>
    </div>
  );
}
