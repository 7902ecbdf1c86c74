import type { GlossaryTerm, SearchPerson, User } from '@lore/api';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api/client';
import { isApplePlatform } from '../platform/isApplePlatform';
import { GlossaryDefinitions } from '../search/GlossaryDefinitions';
import { GlossaryMatcher } from '../search/GlossaryMatcher';
import { reportSearchClick } from '../search/reportSearchClick';
import { SearchError } from '../search/SearchError';
import { SearchFiltersBar } from '../search/SearchFiltersBar';
import { SearchIcon } from '../search/SearchIcon';
import { SearchResultItem } from '../search/SearchResultItem';
import { searchApi } from '../search/searchApi';
import {
  hasFilters,
  readSearchFilters,
  type SearchFilters,
  writeSearchFilters,
} from '../search/searchFilters';
import { searchPageUrl } from '../search/searchPageUrl';
import { usePagedSearch } from '../search/usePagedSearch';
import { useRecentSearches } from '../search/useRecentSearches';
import { useCurrentUser } from '../session/useCurrentUser';
import { useSpaces } from '../spaces/useSpaces';
import '../search/SearchPage.css';
import { queryKeys } from '../api/queryKeys';
import { useApiQuery } from '../api/useApiQuery';

/** Everyone an admin may filter by; others pick from themselves and the authors shown. */
function useFilterPeople(user: User): SearchPerson[] {
  const isAdmin = user.role === 'admin';
  // When the list cannot be loaded, the filter still offers "Me" and the authors of the results.
  const users = useApiQuery(queryKeys.users, api.listUsers, { enabled: isAdmin });
  return useMemo(
    () =>
      isAdmin
        ? (users.data?.users ?? []).map(({ id, displayName, color }) => ({
            id,
            displayName,
            color,
          }))
        : [],
    [isAdmin, users.data],
  );
}

/** Definitions are a bonus above the results; search works without them. */
function useGlossary(): GlossaryTerm[] {
  return useApiQuery(queryKeys.glossary, searchApi.listGlossary).data?.terms ?? [];
}

/**
 * The search page, `/search?q=…`: results with highlighted excerpts, filters in the address (so
 * a result list can be linked), glossary definitions for the query, "did you mean" and
 * "Load more".
 */
export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => readSearchFilters(params), [params]);
  const user = useCurrentUser();
  const { spaces } = useSpaces();
  const recent = useRecentSearches(user.id);
  const search = usePagedSearch(filters);
  const glossary = useGlossary();
  const admins = useFilterPeople(user);
  const [text, setText] = useState(filters.q);

  useEffect(() => setText(filters.q), [filters.q]);

  const query = filters.q.trim();
  const definitions = useMemo(
    () => new GlossaryMatcher(glossary, { withExpansions: true }).entriesIn(query),
    [glossary, query],
  );

  const people = useMemo(() => {
    const byId = new Map<string, SearchPerson>();
    for (const person of admins) byId.set(person.id, person);
    for (const hit of search.hits ?? []) {
      if (hit.updatedBy && !byId.has(hit.updatedBy.id)) byId.set(hit.updatedBy.id, hit.updatedBy);
    }
    return [...byId.values()].sort((a, b) => a.displayName.localeCompare(b.displayName));
  }, [admins, search.hits]);

  const change = (next: SearchFilters) => setParams(writeSearchFilters(next));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim()) recent.remember(text);
    change({ ...filters, q: text });
  };

  const first = search.first;
  const total = first ? `${first.total}${first.totalExact ? '' : '+'}` : '';
  const filtered = hasFilters(filters);

  return (
    <div className="page search-page">
      <title>{query ? `${query} · Search · Lore` : 'Search · Lore'}</title>
      <h1 className="page__title">Search</h1>

      <search>
        <form className="search-page__form" onSubmit={submit}>
          <label htmlFor="search-page-query" className="visually-hidden">
            Search for
          </label>
          <SearchIcon className="search-page__icon" size={18} />
          <input
            id="search-page-query"
            className="search-page__input"
            type="search"
            name="q"
            value={text}
            autoComplete="off"
            enterKeyHint="search"
            placeholder="Search titles, headings and text"
            onChange={(event) => setText(event.target.value)}
          />
          <button type="submit" className="button button--primary">
            Search
          </button>
        </form>
        <SearchFiltersBar
          filters={filters}
          spaces={spaces ?? []}
          currentUser={user}
          people={people}
          onChange={change}
        />
        {filtered && (
          <p className="search-page__clear">
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() =>
                change({ q: filters.q, spaces: [], authors: [], tags: [], updated: '' })
              }
            >
              Clear filters
            </button>
          </p>
        )}
      </search>

      <GlossaryDefinitions terms={definitions} />

      <div className="search-page__status" role="status" aria-live="polite">
        {search.loadingFirst && <p className="muted delayed-appearance">Searching…</p>}
        {!search.loadingFirst && first && query && first.total > 0 && (
          <p className="muted">
            {total} {first.total === 1 ? 'page' : 'pages'} for <strong>“{query}”</strong>
          </p>
        )}
      </div>

      {first?.didYouMean && (
        <p className="search-page__did-you-mean">
          Did you mean{' '}
          <Link to={searchPageUrl(first.didYouMean, filters)}>
            <strong>{first.didYouMean}</strong>
          </Link>
          ?
        </p>
      )}

      {search.error && <SearchError message={search.error.message} onRetry={search.retry} />}

      {!query && (
        <div className="empty-state">
          <SearchIcon size={28} />
          <h2 className="empty-state__title">Search every page you can read</h2>
          <p>
            Type a few words or a question. Use <code>"quotes"</code> for an exact phrase and{' '}
            <code>-word</code> to leave pages out. Press <kbd>{isApplePlatform ? '⌘' : 'Ctrl'}</kbd>{' '}
            <kbd>K</kbd> anywhere to search quickly.
          </p>
          {recent.items.length > 0 && (
            <div className="search-page__recent">
              <h3 className="search-page__recent-title">Recent searches</h3>
              <ul>
                {recent.items.map((item) => (
                  <li key={item}>
                    <Link to={searchPageUrl(item)}>{item}</Link>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
      )}

      {query && first && first.total === 0 && !search.loadingFirst && (
        <div className="empty-state">
          <SearchIcon size={28} />
          <h2 className="empty-state__title">No results for “{query}”</h2>
          <p>
            Check the spelling, try fewer or more general words
            {filtered ? ', or clear the filters' : ''}. Quotes find exact phrases only, so try
            without them.
          </p>
          {filtered && (
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() =>
                change({ q: filters.q, spaces: [], authors: [], tags: [], updated: '' })
              }
            >
              Search everywhere
            </button>
          )}
        </div>
      )}

      {search.hits && search.hits.length > 0 && (
        <ol className="search-results" aria-label="Search results" aria-busy={search.loadingFirst}>
          {search.hits.map((hit, position) => (
            <SearchResultItem
              key={hit.pageId}
              hit={hit}
              position={position}
              onOpen={(opened, at) => {
                recent.remember(query);
                reportSearchClick(first?.searchId ?? null, opened.pageId, at);
              }}
            />
          ))}
        </ol>
      )}

      {search.hasMore && (
        <div className="search-page__more">
          <button
            type="button"
            className="button button--secondary"
            onClick={search.loadMore}
            disabled={search.loadingMore}
          >
            {search.loadingMore ? 'Loading…' : 'Load more results'}
          </button>
        </div>
      )}
    </div>
  );
}
