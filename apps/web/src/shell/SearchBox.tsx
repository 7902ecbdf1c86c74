import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import './SearchBox.css';
import { isApplePlatform } from '../platform/isApplePlatform';

/** The header search field. Ctrl+K (⌘K on Apple devices) focuses it from anywhere. */
export function SearchBox() {
  const navigate = useNavigate();
  const location = useLocation();
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');

  // Shows the query of the search page being viewed, so back/forward keep the field honest.
  useEffect(() => {
    if (location.pathname === '/search') {
      setQuery(new URLSearchParams(location.search).get('q') ?? '');
    }
  }, [location.pathname, location.search]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const modifier = isApplePlatform ? event.metaKey : event.ctrlKey;
      if (modifier && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        input.current?.focus();
        input.current?.select();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const q = query.trim();
    if (q) navigate(`/search?${new URLSearchParams({ q })}`);
  };

  return (
    <search className="search-box">
      <form className="search-box__form" onSubmit={submit}>
        <label htmlFor="header-search" className="visually-hidden">
          Search
        </label>
        <svg
          className="search-box__icon"
          viewBox="0 0 16 16"
          width="16"
          height="16"
          aria-hidden="true"
          focusable="false"
        >
          <path
            fill="currentColor"
            d="M7 1.5a5.5 5.5 0 0 1 4.38 8.82l3.15 3.15a.75.75 0 1 1-1.06 1.06l-3.15-3.15A5.5 5.5 0 1 1 7 1.5ZM3 7a4 4 0 1 0 8 0 4 4 0 0 0-8 0Z"
          />
        </svg>
        <input
          ref={input}
          id="header-search"
          className="search-box__input"
          type="search"
          name="q"
          placeholder="Search Lore"
          autoComplete="off"
          enterKeyHint="search"
          aria-keyshortcuts={isApplePlatform ? 'Meta+K' : 'Control+K'}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && !query) event.currentTarget.blur();
          }}
        />
        <span className="search-box__shortcut" aria-hidden="true">
          <kbd>{isApplePlatform ? '⌘K' : 'Ctrl K'}</kbd>
        </span>
      </form>
    </search>
  );
}
