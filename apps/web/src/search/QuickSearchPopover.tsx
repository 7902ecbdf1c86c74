import type { SearchHit } from '@lore/api';
import type { MouseEvent } from 'react';
import { HistoryIcon } from '../components/HistoryIcon';
import { HighlightedText } from './HighlightedText';
import type { QuickSearchState } from './useQuickSearch';

/** One choice in the quick-search list. */
export type QuickSearchOption =
  | { kind: 'hit'; hit: SearchHit; position: number }
  | { kind: 'recent'; query: string }
  | { kind: 'correction'; query: string }
  | { kind: 'all'; query: string };

interface QuickSearchPopoverProps {
  listboxId: string;
  text: string;
  search: QuickSearchState;
  options: QuickSearchOption[];
  activeIndex: number;
  optionId(index: number): string;
  onChoose(option: QuickSearchOption, event: MouseEvent): void;
  onHover(index: number): void;
  onClearRecent(): void;
}

/**
 * The list under the header search field: recent searches while it is empty, results as the
 * person types, and a way to the full search page. Focus stays in the field (a combobox);
 * the active option is announced through `aria-activedescendant`.
 */
export function QuickSearchPopover({
  listboxId,
  text,
  search,
  options,
  activeIndex,
  optionId,
  onChoose,
  onHover,
  onClearRecent,
}: QuickSearchPopoverProps) {
  const typed = text.trim() !== '';
  const hits = options.filter((option) => option.kind === 'hit');
  const waiting = typed && search.response === null && search.error === null;

  let status = '';
  if (typed && search.error) status = search.error.message;
  else if (waiting) status = 'Searching…';
  else if (typed && search.response) {
    status =
      search.response.total === 0
        ? `No pages match “${search.query.trim()}”.`
        : `${search.response.totalExact ? search.response.total : `${search.response.total}+`} ${
            search.response.total === 1 ? 'page' : 'pages'
          }`;
  }

  const mouseDownKeepsFocus = (event: MouseEvent) => event.preventDefault();

  return (
    <div className="quick-search" data-loading={search.loading || undefined}>
      {!typed && options.length > 0 && (
        <div className="quick-search__heading">
          <span id={`${listboxId}-label`}>Recent searches</span>
          <button
            type="button"
            className="quick-search__clear"
            onMouseDown={mouseDownKeepsFocus}
            onClick={onClearRecent}
          >
            Clear
          </button>
        </div>
      )}
      {!typed && options.length === 0 && (
        <p className="quick-search__hint">
          Type to search page titles, headings and text. <kbd>↑</kbd> <kbd>↓</kbd> to choose,{' '}
          <kbd>Enter</kbd> to open.
        </p>
      )}
      <p
        className={`quick-search__status${search.error && typed ? ' quick-search__status--error' : ''}`}
        role="status"
        aria-live="polite"
      >
        {status}
      </p>
      <div
        className="quick-search__list"
        id={listboxId}
        role="listbox"
        aria-label={typed ? 'Search results' : 'Recent searches'}
      >
        {options.map((option, index) => {
          const active = index === activeIndex;
          const common = {
            id: optionId(index),
            role: 'option' as const,
            'aria-selected': active,
            className: `quick-search__option quick-search__option--${option.kind}${
              active ? ' quick-search__option--active' : ''
            }`,
            onMouseDown: mouseDownKeepsFocus,
            onMouseMove: () => {
              if (!active) onHover(index);
            },
            onClick: (event: MouseEvent) => onChoose(option, event),
          };
          if (option.kind === 'hit') {
            const { hit } = option;
            return (
              <div key={hit.pageId} {...common}>
                <span className="quick-search__title">
                  <HighlightedText text={hit.title} highlights={hit.titleHighlights} />
                </span>
                <span className="quick-search__path">{hit.path.join(' / ')}</span>
                {hit.snippet && (
                  <span className="quick-search__snippet">
                    <HighlightedText text={hit.snippet} highlights={hit.snippetHighlights} />
                  </span>
                )}
              </div>
            );
          }
          if (option.kind === 'correction') {
            return (
              <div key={`correction:${option.query}`} {...common}>
                <span>
                  Did you mean <strong>{option.query}</strong>?
                </span>
              </div>
            );
          }
          if (option.kind === 'recent') {
            return (
              <div key={`recent:${option.query}`} {...common}>
                <HistoryIcon />
                <span>{option.query}</span>
              </div>
            );
          }
          return (
            <div key="all" {...common}>
              {hits.length > 0 ? 'See all results for' : 'Search all pages for'}{' '}
              <strong>“{option.query.trim()}”</strong>
              <span className="quick-search__enter" aria-hidden="true">
                ↵
              </span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
