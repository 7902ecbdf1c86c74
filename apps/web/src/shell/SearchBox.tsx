import {
  type FormEvent,
  type KeyboardEvent,
  type MouseEvent,
  useEffect,
  useId,
  useRef,
  useState,
} from 'react';
import { useLocation, useNavigate } from 'react-router';
import './SearchBox.css';
import { isApplePlatform } from '../platform/isApplePlatform';
import { moveActiveIndex } from '../search/moveActiveIndex';
import { type QuickSearchOption, QuickSearchPopover } from '../search/QuickSearchPopover';
import { reportSearchClick } from '../search/reportSearchClick';
import { SearchIcon } from '../search/SearchIcon';
import { searchPageUrl } from '../search/searchPageUrl';
import { useQuickSearch } from '../search/useQuickSearch';
import { useRecentSearches } from '../search/useRecentSearches';
import { useCurrentUser } from '../session/useCurrentUser';

/** Results shown in the popover; the search page has the rest. */
const quickSearchLimit = 8;

/**
 * The header search field with quick search. Ctrl+K (⌘K on Apple devices) focuses it from
 * anywhere; results appear as you type, arrow keys choose, Enter opens, Escape closes. While the
 * field is empty it offers the person's recent searches.
 */
export function SearchBox() {
  const navigate = useNavigate();
  const location = useLocation();
  const user = useCurrentUser();
  const recent = useRecentSearches(user.id);
  const root = useRef<HTMLElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const listboxId = useId();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [activeIndex, setActiveIndex] = useState(-1);
  const search = useQuickSearch(open ? query : '', quickSearchLimit);

  // Shows the query of the search page being viewed, so back/forward keep the field honest.
  useEffect(() => {
    if (location.pathname === '/search') {
      setQuery(new URLSearchParams(location.search).get('q') ?? '');
    }
  }, [location.pathname, location.search]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: closes on every navigation.
  useEffect(() => {
    setOpen(false);
  }, [location.key]);

  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      const modifier = isApplePlatform ? event.metaKey : event.ctrlKey;
      if (modifier && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        input.current?.focus();
        input.current?.select();
        setOpen(true);
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const typed = query.trim() !== '';
  const options: QuickSearchOption[] = typed
    ? [
        ...(search.response?.didYouMean
          ? [{ kind: 'correction', query: search.response.didYouMean } as const]
          : []),
        ...(search.response?.results ?? []).map(
          (hit, position): QuickSearchOption => ({ kind: 'hit', hit, position }),
        ),
        { kind: 'all', query },
      ]
    : recent.items.map((item): QuickSearchOption => ({ kind: 'recent', query: item }));
  const active = activeIndex < options.length ? activeIndex : -1;
  const optionId = (index: number) => `${listboxId}-option-${index}`;

  const changeQuery = (value: string) => {
    setQuery(value);
    setActiveIndex(-1);
    setOpen(true);
  };

  const openSearchPage = (q: string) => {
    if (!q.trim()) return;
    recent.remember(q);
    setOpen(false);
    input.current?.blur();
    navigate(searchPageUrl(q.trim()));
  };

  const choose = (option: QuickSearchOption, event?: MouseEvent | KeyboardEvent) => {
    if (option.kind === 'recent' || option.kind === 'correction') {
      changeQuery(option.query);
      input.current?.focus();
      return;
    }
    if (option.kind === 'all') {
      openSearchPage(option.query);
      return;
    }
    reportSearchClick(search.response?.searchId ?? null, option.hit.pageId, option.position);
    recent.remember(query);
    if (event && (event.ctrlKey || event.metaKey)) {
      window.open(option.hit.url, '_blank', 'noopener');
      return;
    }
    setOpen(false);
    input.current?.blur();
    navigate(option.hit.url);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    openSearchPage(query);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      if (open) setOpen(false);
      else if (query) setQuery('');
      else event.currentTarget.blur();
      return;
    }
    if (event.key === 'Tab') {
      setOpen(false);
      return;
    }
    if (event.key === 'Enter') {
      const option = open ? options[active] : undefined;
      if (option) {
        event.preventDefault();
        choose(option, event);
      }
      return;
    }
    const next = moveActiveIndex(active, event.key, options.length);
    if (next === null) return;
    event.preventDefault();
    if (!open) {
      setOpen(true);
      return;
    }
    setActiveIndex(next);
    document.getElementById(optionId(next))?.scrollIntoView({ block: 'nearest' });
  };

  const expanded = open;

  return (
    <search
      className="search-box"
      ref={root}
      onBlur={(event) => {
        if (!root.current?.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <form className="search-box__form" onSubmit={submit}>
        <label htmlFor="header-search" className="visually-hidden">
          Search
        </label>
        <SearchIcon className="search-box__icon" />
        <input
          ref={input}
          id="header-search"
          className="search-box__input"
          type="search"
          name="q"
          placeholder="Search Lore"
          autoComplete="off"
          spellCheck={false}
          enterKeyHint="search"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={expanded ? listboxId : undefined}
          aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
          aria-keyshortcuts={isApplePlatform ? 'Meta+K' : 'Control+K'}
          value={query}
          onChange={(event) => changeQuery(event.target.value)}
          onFocus={() => setOpen(true)}
          onClick={() => setOpen(true)}
          onKeyDown={onKeyDown}
        />
        {search.loading && typed && open && (
          <span className="search-box__spinner" aria-hidden="true" />
        )}
        <span className="search-box__shortcut" aria-hidden="true">
          <kbd>{isApplePlatform ? '⌘K' : 'Ctrl K'}</kbd>
        </span>
      </form>
      {expanded && (
        <QuickSearchPopover
          listboxId={listboxId}
          text={query}
          search={search}
          options={options}
          activeIndex={active}
          optionId={optionId}
          onChoose={choose}
          onHover={setActiveIndex}
          onClearRecent={() => {
            recent.clear();
            input.current?.focus();
          }}
        />
      )}
    </search>
  );
}
