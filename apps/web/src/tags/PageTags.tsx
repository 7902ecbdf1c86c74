import type { TagCount } from '@lore/api';
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../api/ApiError';
import { queryKeys } from '../api/queryKeys';
import { useApiQuery } from '../api/useApiQuery';
import { addTag } from './addTag';
import { tagsApi } from './tagsApi';
import './tags.css';

interface PageTagsProps {
  readonly pageId: string;
  /** Guests and offline pages show the tags without the means to change them. */
  readonly readOnly: boolean;
}

/**
 * The page's tags under its title: each links to the search for that tag; editors add tags
 * (with suggestions from tags already in use) and remove them.
 */
export function PageTags({ pageId, readOnly }: PageTagsProps) {
  const loaded = useApiQuery(queryKeys.pageTags(pageId), () => tagsApi.pageTags(pageId));
  // Tags that could not be loaded show as none; editors may still add some.
  const tags = loaded.data?.tags ?? (loaded.error ? [] : null);
  const setTags = (next: string[]) => loaded.setData({ tags: next });
  const [adding, setAdding] = useState(false);
  const [typed, setTyped] = useState('');
  const [suggestions, setSuggestions] = useState<TagCount[]>([]);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();

  useEffect(() => {
    if (!adding) return;
    let current = true;
    const timer = setTimeout(() => {
      tagsApi.suggest(typed.trim()).then(
        (answer) => current && setSuggestions(answer.tags),
        () => current && setSuggestions([]),
      );
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [adding, typed]);

  useEffect(() => {
    if (adding) input.current?.focus();
  }, [adding]);

  const save = async (next: string[]) => {
    const previous = tags ?? [];
    setTags(next);
    setError(null);
    try {
      setTags((await tagsApi.setPageTags(pageId, next)).tags);
    } catch (failure) {
      setTags(previous);
      setError(failure instanceof ApiError ? failure.message : 'The tags could not be saved.');
    }
  };

  const commit = (text: string) => {
    if (!tags) return;
    const next = addTag(tags, text);
    setTyped('');
    if (next.length !== tags.length) void save(next);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      commit(typed);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setTyped('');
      setAdding(false);
    } else if (event.key === 'Backspace' && typed === '' && tags && tags.length > 0) {
      void save(tags.slice(0, -1));
    }
  };

  if (tags === null || (readOnly && tags.length === 0)) return null;
  const known = new Set(tags.map((tag) => tag.toLocaleLowerCase('en-US')));
  const offered = suggestions.filter(
    (suggestion) => !known.has(suggestion.tag.toLocaleLowerCase('en-US')),
  );

  return (
    <div className="page-tags">
      <ul className="page-tags__list" aria-label="Tags">
        {tags.map((tag) => (
          <li key={tag} className="page-tags__tag">
            <Link
              to={`/search?${new URLSearchParams({ q: tag, tag }).toString()}`}
              className="page-tags__link"
              title={`Search pages tagged “${tag}”`}
            >
              #{tag}
            </Link>
            {!readOnly && (
              <button
                type="button"
                className="page-tags__remove"
                aria-label={`Remove tag ${tag}`}
                onClick={() => void save(tags.filter((existing) => existing !== tag))}
              >
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
      {!readOnly &&
        (adding ? (
          <span className="page-tags__adder">
            <input
              ref={input}
              className="page-tags__input"
              aria-label="Add a tag"
              placeholder="Add a tag"
              list={listId}
              maxLength={200}
              value={typed}
              onChange={(event) => setTyped(event.target.value)}
              onKeyDown={onKeyDown}
              onBlur={() => {
                commit(typed);
                setAdding(false);
              }}
            />
            <datalist id={listId}>
              {offered.map((suggestion) => (
                <option key={suggestion.tag} value={suggestion.tag}>
                  {`${suggestion.pages} ${suggestion.pages === 1 ? 'page' : 'pages'}`}
                </option>
              ))}
            </datalist>
          </span>
        ) : (
          <button type="button" className="page-tags__add" onClick={() => setAdding(true)}>
            {tags.length === 0 ? '+ Add tags' : '+ Tag'}
          </button>
        ))}
      {error && (
        <p className="page-tags__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
