import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { ApiError } from '../api/ApiError';
import { findPageByReference } from '../spaces/findPageByReference';
import { useSpaces } from '../spaces/useSpaces';
import { commonEmoji, parseIconInput } from './commonEmoji';
import './PageIconButton.css';

interface PageIconButtonProps {
  pageId: string;
  /** Shows the icon without the picker. */
  readOnly: boolean;
}

/**
 * The page's emoji before its title. Clicking it opens a picker of common emoji with a field
 * for any other one, and a way to remove the icon.
 */
export function PageIconButton({ pageId, readOnly }: PageIconButtonProps) {
  const { trees, setPageIcon } = useSpaces();
  const icon = findPageByReference(trees, { kind: 'id', id: pageId })?.node.icon ?? null;
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const pickerId = useId();

  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', closeOutside);
    return () => document.removeEventListener('pointerdown', closeOutside);
  }, [open]);

  if (readOnly) {
    return icon ? (
      <div className="page-icon">
        <span className="page-icon__emoji" role="img" aria-label="Page icon">
          {icon}
        </span>
      </div>
    ) : null;
  }

  const choose = async (next: string | null) => {
    setError(null);
    setOpen(false);
    button.current?.focus();
    try {
      await setPageIcon(pageId, next);
    } catch (failure) {
      if (!(failure instanceof ApiError)) throw failure;
      setError(`The icon was not changed: ${failure.message}`);
    }
  };

  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    event.stopPropagation();
    setOpen(false);
    button.current?.focus();
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseIconInput(typed);
    if (!parsed) {
      setError('Type or paste a single emoji.');
      return;
    }
    setTyped('');
    void choose(parsed);
  };

  return (
    <div ref={root} className="page-icon" data-empty={icon ? undefined : true}>
      <button
        ref={button}
        type="button"
        className="page-icon__button"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? pickerId : undefined}
        aria-label={icon ? `Change page icon ${icon}` : 'Add page icon'}
        onClick={() => setOpen((current) => !current)}
        onKeyDown={closeOnEscape}
      >
        {icon ?? (
          <span className="page-icon__add">
            <span aria-hidden="true">☺</span> Add icon
          </span>
        )}
      </button>
      {open && (
        <div
          id={pickerId}
          className="page-icon__picker"
          role="dialog"
          aria-label="Page icon"
          onKeyDown={closeOnEscape}
        >
          <div className="page-icon__grid">
            {commonEmoji.map((emoji) => (
              <button
                key={emoji}
                type="button"
                className="page-icon__choice"
                aria-pressed={emoji === icon}
                onClick={() => void choose(emoji)}
              >
                {emoji}
              </button>
            ))}
          </div>
          <form className="page-icon__form" onSubmit={onSubmit}>
            <input
              className="field__input page-icon__input"
              aria-label="Any emoji"
              placeholder="Any emoji…"
              value={typed}
              onChange={(event) => setTyped(event.target.value)}
            />
            <button type="submit" className="button button--secondary button--small">
              Use
            </button>
          </form>
          {icon && (
            <button
              type="button"
              className="button button--secondary button--small page-icon__remove"
              onClick={() => void choose(null)}
            >
              Remove icon
            </button>
          )}
        </div>
      )}
      {error && <p className="form-error__message">{error}</p>}
    </div>
  );
}
