import type { Revision } from '@lore/api';
import { type FormEvent, useId, useRef, useState } from 'react';
import { FormError } from '../components/FormError';
import { historyApi } from './historyApi';

interface SaveVersionFormProps {
  pageId: string;
  onSaved(revision: Revision, created: boolean): void;
}

/** The limits the server enforces, so the fields stop at them rather than fail on save. */
const nameMaxLength = 100;
const noteMaxLength = 2000;

/** "Save version": keeps the page as it is now, with an optional name and note. */
export function SaveVersionForm({ pageId, onSaved }: SaveVersionFormProps) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const nameId = useId();
  const noteId = useId();
  const opener = useRef<HTMLButtonElement>(null);

  const cancel = () => {
    setOpen(false);
    setError(null);
    // The opener is rendered again on the next frame.
    requestAnimationFrame(() => opener.current?.focus());
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const saved = await historyApi.save(pageId, {
        ...(name.trim() ? { name: name.trim() } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      setName('');
      setNote('');
      setOpen(false);
      onSaved(saved.revision, saved.created);
      requestAnimationFrame(() => opener.current?.focus());
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'The version could not be saved.');
    } finally {
      setBusy(false);
    }
  };

  if (!open) {
    return (
      <button
        ref={opener}
        type="button"
        className="button button--primary button--small history-save__open"
        onClick={() => setOpen(true)}
      >
        Save version
      </button>
    );
  }

  return (
    <form className="history-save" onSubmit={submit} aria-label="Save version">
      <div className="field">
        <label className="field__label" htmlFor={nameId}>
          Name <span className="muted">(optional)</span>
        </label>
        <input
          id={nameId}
          className="field__input"
          value={name}
          maxLength={nameMaxLength}
          placeholder="e.g. Approved by legal"
          // biome-ignore lint/a11y/noAutofocus: the person just asked for this form.
          autoFocus
          onChange={(event) => setName(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              cancel();
            }
          }}
        />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={noteId}>
          Note <span className="muted">(optional)</span>
        </label>
        <textarea
          id={noteId}
          className="field__input history-save__note"
          value={note}
          rows={2}
          maxLength={noteMaxLength}
          onChange={(event) => setNote(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              cancel();
            }
          }}
        />
      </div>
      <FormError message={error} />
      <div className="form__actions">
        <button type="submit" className="button button--primary button--small" disabled={busy}>
          {busy ? 'Saving…' : 'Save'}
        </button>
        <button type="button" className="button button--secondary button--small" onClick={cancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
