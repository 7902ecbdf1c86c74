import type { GlossaryInput, GlossaryTerm } from '@lore/api';
import { type FormEvent, useId, useState } from 'react';
import { FormError } from '../components/FormError';

interface GlossaryTermFormProps {
  /** The term being edited; none to add a new one. */
  initial?: GlossaryTerm;
  submitLabel: string;
  /** Saves; a rejection is shown in the form, which keeps what was typed. */
  onSubmit(input: GlossaryInput): Promise<void>;
  onCancel?(): void;
}

/** "a, b ,c" → ["a", "b", "c"], without blanks or repeats. */
function splitExpansions(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean),
    ),
  ];
}

/** Adds or edits a glossary term: the term, what it means, and other ways to say it. */
export function GlossaryTermForm({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
}: GlossaryTermFormProps) {
  const id = useId();
  const [term, setTerm] = useState(initial?.term ?? '');
  const [meaning, setMeaning] = useState(initial?.meaning ?? '');
  const [expansions, setExpansions] = useState(initial?.expansions.join(', ') ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!term.trim() || !meaning.trim()) {
      setError('Give the term and what it means.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onSubmit({
        term: term.trim(),
        meaning: meaning.trim(),
        expansions: splitExpansions(expansions),
      });
      if (!initial) {
        setTerm('');
        setMeaning('');
        setExpansions('');
      }
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'Saving failed.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="form glossary-form"
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && onCancel) {
          event.preventDefault();
          onCancel();
        }
      }}
      aria-label={initial ? `Edit ${initial.term}` : 'Add a term'}
    >
      <div className="form__grid">
        <div className="field">
          <label className="field__label" htmlFor={`${id}-term`}>
            Term
          </label>
          <input
            id={`${id}-term`}
            className="field__input"
            value={term}
            maxLength={400}
            required
            placeholder="PTO"
            onChange={(event) => setTerm(event.target.value)}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-expansions`}>
            Also known as
          </label>
          <input
            id={`${id}-expansions`}
            className="field__input"
            value={expansions}
            placeholder="paid time off, vacation"
            aria-describedby={`${id}-expansions-hint`}
            onChange={(event) => setExpansions(event.target.value)}
          />
          <p className="field__hint" id={`${id}-expansions-hint`}>
            Separated by commas. Search treats them as synonyms of the term.
          </p>
        </div>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-meaning`}>
          Meaning
        </label>
        <textarea
          id={`${id}-meaning`}
          className="field__input glossary-form__meaning"
          value={meaning}
          maxLength={8000}
          required
          rows={2}
          placeholder="Days off work that are paid as usual."
          onChange={(event) => setMeaning(event.target.value)}
        />
      </div>
      <FormError message={error} />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Saving…' : submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button button--secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
