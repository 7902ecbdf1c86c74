import { type KeyboardEvent, useId, useRef, useState } from 'react';
import { matchPrincipals } from './matchPrincipals';
import { type Principal, principalKey } from './Principal';
import './PrincipalPicker.css';

const shownAtOnce = 8;

interface PrincipalPickerProps {
  label: string;
  principals: readonly Principal[];
  /** Keys (`principalKey`) of those already chosen, left out of the suggestions. */
  exclude?: ReadonlySet<string>;
  /** Only people, or only groups; both by default. */
  kinds?: readonly Principal['kind'][];
  placeholder?: string;
  disabled?: boolean;
  /** Shown under the field, e.g. why some people cannot be found. */
  hint?: string;
  onPick(principal: Principal): void;
}

/**
 * A text field that suggests people and groups as you type (the WAI-ARIA combobox pattern):
 * arrows move through the suggestions, Enter picks, Escape closes the list.
 */
export function PrincipalPicker({
  label,
  principals,
  exclude,
  kinds = ['user', 'group'],
  placeholder = 'Type a name…',
  disabled,
  hint,
  onPick,
}: PrincipalPickerProps) {
  const inputId = useId();
  const listId = useId();
  const hintId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);

  const candidates = principals.filter(
    (principal) => kinds.includes(principal.kind) && !exclude?.has(principalKey(principal)),
  );
  const matches = open ? matchPrincipals(candidates, query, shownAtOnce) : [];
  const activeIndex = Math.min(active, matches.length - 1);
  const optionId = (index: number) => `${listId}-${index}`;

  const pick = (principal: Principal) => {
    onPick(principal);
    setQuery('');
    setActive(0);
    setOpen(false);
    input.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      if (!open) setOpen(true);
      else setActive((index) => Math.min(matches.length - 1, index + 1));
    } else if (event.key === 'ArrowUp') {
      setActive((index) => Math.max(0, index - 1));
    } else if (event.key === 'Enter') {
      const chosen = matches[activeIndex];
      if (!chosen) return;
      pick(chosen);
    } else if (event.key === 'Escape') {
      // Closes the suggestions, not the dialog around the field.
      if (!open || matches.length === 0) return;
      setOpen(false);
    } else {
      return;
    }
    event.preventDefault();
    event.stopPropagation();
  };

  const noun = kinds.length === 2 ? 'person or group' : kinds[0] === 'user' ? 'person' : 'group';
  const showList = open;

  return (
    <div className="field principal-picker">
      <label className="field__label" htmlFor={inputId}>
        {label}
      </label>
      <input
        ref={input}
        id={inputId}
        className="field__input"
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={listId}
        aria-activedescendant={showList && activeIndex >= 0 ? optionId(activeIndex) : undefined}
        aria-describedby={hint ? hintId : undefined}
        placeholder={placeholder}
        disabled={disabled}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
          setOpen(true);
        }}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <div
        id={listId}
        role="listbox"
        aria-label={`Matching ${kinds.length === 2 ? 'people and groups' : kinds[0] === 'user' ? 'people' : 'groups'}`}
        className="principal-picker__list"
        hidden={!showList}
      >
        {showList && matches.length === 0 && (
          <p className="principal-picker__empty">
            {query.trim() ? `No ${noun} matches “${query.trim()}”.` : `No ${noun} to add.`}
          </p>
        )}
        {showList &&
          matches.map((principal, index) => (
            // biome-ignore lint/a11y/useKeyWithClickEvents: the text field handles the keys.
            <div
              key={principalKey(principal)}
              id={optionId(index)}
              role="option"
              tabIndex={-1}
              aria-selected={index === activeIndex}
              className="principal-picker__option"
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => pick(principal)}
            >
              <span className="principal-picker__kind" aria-hidden="true">
                {principal.kind === 'group' ? 'Group' : 'Person'}
              </span>
              <span className="principal-picker__name">
                {principal.name}
                <span className="visually-hidden">
                  {principal.kind === 'group' ? ' (group)' : ''}
                </span>
              </span>
              {principal.email && (
                <span className="principal-picker__detail">{principal.email}</span>
              )}
              {principal.guest && <span className="badge">Guest</span>}
            </div>
          ))}
      </div>
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
    </div>
  );
}
