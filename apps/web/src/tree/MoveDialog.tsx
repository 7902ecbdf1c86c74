import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { ApiError } from '../api/ApiError';
import { Dialog } from '../components/Dialog';
import { FormError } from '../components/FormError';
import { displayTitle } from '../spaces/displayTitle';
import { useSpaces } from '../spaces/useSpaces';
import { moveDestinations } from './moveDestinations';
import { moveErrorMessage } from './moveErrorMessage';
import './MoveDialog.css';

interface MoveDialogProps {
  pageId: string;
  pageTitle: string;
  /** The space the page is in now. */
  spaceId: string;
  onClose(): void;
  /** Called after the server moved the page, with what to tell the person. */
  onMoved(message: string): void;
}

/**
 * Moves a page without dragging: choose a space, then the page to put it under (or the top
 * level) from a list filtered by what is typed. Arrows move through the list, Enter moves.
 */
export function MoveDialog({ pageId, pageTitle, spaceId, onClose, onMoved }: MoveDialogProps) {
  const { spaces, trees, liveTitles, movePage } = useSpaces();
  const [targetSpaceId, setTargetSpaceId] = useState(spaceId);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const listId = useId();
  const spaceFieldId = useId();
  const searchId = useId();
  const search = useRef<HTMLInputElement>(null);

  // After the dialog (whose effect runs first) has focused its first field: searching is the
  // usual first step.
  useEffect(() => search.current?.focus(), []);

  const places = moveDestinations(trees.get(targetSpaceId) ?? [], pageId, query, (node) =>
    displayTitle(liveTitles.get(node.id) ?? node.title),
  );
  const chosen = places[Math.min(active, places.length - 1)] ?? null;
  const optionId = (index: number) => `${listId}-option-${index}`;

  const move = async () => {
    if (!chosen || busy) return;
    setBusy(true);
    setError(null);
    try {
      await movePage(
        pageId,
        { parentId: chosen.id, afterId: null, beforeId: null },
        targetSpaceId === spaceId ? undefined : targetSpaceId,
      );
      const space = spaces?.find((s) => s.id === targetSpaceId);
      onMoved(
        chosen.id === null
          ? `Moved to the top of ${space?.name ?? 'the space'}`
          : `Moved under “${chosen.title}”`,
      );
    } catch (failure) {
      if (!(failure instanceof ApiError)) throw failure;
      setError(moveErrorMessage(failure));
      setBusy(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const last = places.length - 1;
    if (event.key === 'ArrowDown') setActive((i) => Math.min(last, i + 1));
    else if (event.key === 'ArrowUp') setActive((i) => Math.max(0, i - 1));
    else if (event.key === 'Home' && event.ctrlKey) setActive(0);
    else if (event.key === 'End' && event.ctrlKey) setActive(last);
    else if (event.key === 'Enter') void move();
    else return;
    event.preventDefault();
  };

  return (
    <Dialog title={`Move “${pageTitle}”`} onCancel={onClose}>
      <div className="move-dialog">
        <div className="field">
          <label className="field__label" htmlFor={spaceFieldId}>
            Space
          </label>
          <select
            id={spaceFieldId}
            className="field__input"
            value={targetSpaceId}
            onChange={(event) => {
              setTargetSpaceId(event.target.value);
              setActive(0);
            }}
          >
            {spaces?.map((space) => (
              <option key={space.id} value={space.id}>
                {space.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={searchId}>
            Put it under
          </label>
          <input
            ref={search}
            id={searchId}
            className="field__input"
            type="search"
            role="combobox"
            aria-expanded="true"
            aria-controls={listId}
            aria-activedescendant={chosen ? optionId(places.indexOf(chosen)) : undefined}
            aria-autocomplete="list"
            placeholder="Search pages…"
            autoComplete="off"
            value={query}
            onChange={(event) => {
              setQuery(event.target.value);
              setActive(0);
            }}
            onKeyDown={onKeyDown}
          />
        </div>
        <div id={listId} role="listbox" aria-label="Places" className="move-dialog__list">
          {places.length === 0 && <p className="move-dialog__empty">No page matches.</p>}
          {places.map((place, index) => (
            // biome-ignore lint/a11y/useKeyWithClickEvents: the search field handles the keys.
            <div
              key={place.id ?? 'top'}
              id={optionId(index)}
              role="option"
              tabIndex={-1}
              aria-selected={place === chosen}
              className="move-dialog__option"
              style={{ paddingLeft: `${0.5 + (query ? 0 : Math.max(0, place.level - 1)) * 1}rem` }}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => setActive(index)}
              onDoubleClick={() => void move()}
            >
              {place.icon && <span aria-hidden="true">{place.icon} </span>}
              <span className="move-dialog__title">{place.title}</span>
              {query && place.path && <span className="move-dialog__path">{place.path}</span>}
            </div>
          ))}
        </div>
        <FormError message={error} />
        <div className="form__actions">
          <button type="button" className="button button--secondary" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={!chosen || busy}
            onClick={() => void move()}
          >
            Move
          </button>
        </div>
      </div>
    </Dialog>
  );
}
