import type { SearchPerson, Space, User } from '@lore/api';
import { type FormEvent, useId, useState } from 'react';
import { type SearchFilters, type UpdatedWindow, updatedWindows } from './searchFilters';

interface SearchFiltersBarProps {
  filters: SearchFilters;
  spaces: Space[];
  currentUser: User;
  /** People to offer as authors besides the current user (everyone, for admins). */
  people: SearchPerson[];
  onChange(filters: SearchFilters): void;
}

const windowLabels: Record<UpdatedWindow, string> = {
  day: 'Past 24 hours',
  week: 'Past week',
  month: 'Past month',
  year: 'Past year',
};

const dateChoice = 'date';

/** The filters above the search results: space, author, update time and tags. */
export function SearchFiltersBar({
  filters,
  spaces,
  currentUser,
  people,
  onChange,
}: SearchFiltersBarProps) {
  const id = useId();
  const [tagText, setTagText] = useState('');
  const [pickingDate, setPickingDate] = useState(false);
  const isDate = /^\d{4}-/.test(filters.updated);
  const set = (change: Partial<SearchFilters>) => onChange({ ...filters, ...change });

  const selectedSpace = filters.spaces[0] ?? '';
  const knownSpace = spaces.some(
    (space) => space.slug === selectedSpace || space.id === selectedSpace,
  );
  const selectedAuthor = filters.authors[0] ?? '';
  const others = people.filter((person) => person.id !== currentUser.id);
  const knownAuthor =
    selectedAuthor === '' ||
    selectedAuthor === currentUser.id ||
    others.some((person) => person.id === selectedAuthor);

  const addTag = (event: FormEvent) => {
    event.preventDefault();
    const tag = tagText.trim();
    if (!tag) return;
    setTagText('');
    if (!filters.tags.includes(tag)) set({ tags: [...filters.tags, tag] });
  };

  return (
    <fieldset className="search-filters">
      <legend className="visually-hidden">Filters</legend>
      <div className="search-filters__field">
        <label className="field__label" htmlFor={`${id}-space`}>
          Space
        </label>
        <select
          id={`${id}-space`}
          className="field__input field__select"
          value={selectedSpace}
          onChange={(event) => set({ spaces: event.target.value ? [event.target.value] : [] })}
        >
          <option value="">All spaces</option>
          {spaces.map((space) => (
            <option key={space.id} value={space.slug}>
              {space.name}
            </option>
          ))}
          {selectedSpace && !knownSpace && <option value={selectedSpace}>{selectedSpace}</option>}
        </select>
      </div>

      <div className="search-filters__field">
        <label className="field__label" htmlFor={`${id}-author`}>
          Author
        </label>
        <select
          id={`${id}-author`}
          className="field__input field__select"
          value={selectedAuthor}
          onChange={(event) => set({ authors: event.target.value ? [event.target.value] : [] })}
        >
          <option value="">Anyone</option>
          <option value={currentUser.id}>Me ({currentUser.displayName})</option>
          {others.map((person) => (
            <option key={person.id} value={person.id}>
              {person.displayName}
            </option>
          ))}
          {!knownAuthor && <option value={selectedAuthor}>Someone else</option>}
        </select>
      </div>

      <div className="search-filters__field">
        <label className="field__label" htmlFor={`${id}-updated`}>
          Updated
        </label>
        <select
          id={`${id}-updated`}
          className="field__input field__select"
          value={isDate || pickingDate ? dateChoice : filters.updated}
          onChange={(event) => {
            const value = event.target.value;
            setPickingDate(value === dateChoice);
            if (value !== dateChoice) set({ updated: value });
          }}
        >
          <option value="">Any time</option>
          {(Object.keys(updatedWindows) as UpdatedWindow[]).map((window) => (
            <option key={window} value={window}>
              {windowLabels[window]}
            </option>
          ))}
          <option value={dateChoice}>Since a date…</option>
        </select>
      </div>

      {(isDate || pickingDate) && (
        <div className="search-filters__field">
          <label className="field__label" htmlFor={`${id}-since`}>
            Updated since
          </label>
          <input
            id={`${id}-since`}
            className="field__input"
            type="date"
            value={isDate ? filters.updated : ''}
            max={new Date().toISOString().slice(0, 10)}
            onChange={(event) => set({ updated: event.target.value })}
          />
        </div>
      )}

      <form className="search-filters__field" onSubmit={addTag}>
        <label className="field__label" htmlFor={`${id}-tag`}>
          Tag
        </label>
        <input
          id={`${id}-tag`}
          className="field__input"
          type="text"
          placeholder="Add a tag, press Enter"
          value={tagText}
          onChange={(event) => setTagText(event.target.value)}
        />
      </form>

      {filters.tags.length > 0 && (
        <ul className="search-filters__chips" aria-label="Tags">
          {filters.tags.map((tag) => (
            <li key={tag} className="search-filters__chip">
              <span>#{tag}</span>
              <button
                type="button"
                className="search-filters__chip-remove"
                aria-label={`Remove tag ${tag}`}
                onClick={() => set({ tags: filters.tags.filter((item) => item !== tag) })}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
