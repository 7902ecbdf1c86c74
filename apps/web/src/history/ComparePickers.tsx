import type { Revision } from '@lore/api';
import { useId } from 'react';
import { revisionTitle } from './describeRevision';
import { currentState, type StateRef } from './StateRef';

interface ComparePickersProps {
  revisions: readonly Revision[];
  /** Null when there is no revision to compare from yet. */
  from: StateRef | null;
  to: StateRef;
  onChange(from: StateRef, to: StateRef): void;
}

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'short' });

/** The two states a comparison shows: any version, or the page as it is now. */
export function ComparePickers({ revisions, from, to, onChange }: ComparePickersProps) {
  const fromId = useId();
  const toId = useId();
  if (from === null) return null;
  const options = (
    <>
      <option value={currentState}>Current version</option>
      {revisions.map((revision) => (
        <option key={revision.id} value={revision.id}>
          {`${revisionTitle(revision)} (${timeFormat.format(new Date(revision.createdAt))})`}
        </option>
      ))}
    </>
  );
  return (
    <div className="history-compare">
      <div className="history-compare__side">
        <label className="field__label" htmlFor={fromId}>
          Compare
        </label>
        <select
          id={fromId}
          className="field__input field__select"
          value={from}
          onChange={(event) => onChange(event.target.value, to)}
        >
          {options}
        </select>
      </div>
      <button
        type="button"
        className="history-icon-button history-compare__swap"
        aria-label="Swap the two sides"
        title="Swap"
        onClick={() => onChange(to, from)}
      >
        ⇄
      </button>
      <div className="history-compare__side">
        <label className="field__label" htmlFor={toId}>
          with
        </label>
        <select
          id={toId}
          className="field__input field__select"
          value={to}
          onChange={(event) => onChange(from, event.target.value)}
        >
          {options}
        </select>
      </div>
    </div>
  );
}
