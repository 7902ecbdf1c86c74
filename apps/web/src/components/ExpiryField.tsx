import { useId } from 'react';
import { type ExpiryChoice, tomorrowDate } from '../format/expiryChoice';

interface ExpiryFieldProps {
  label: string;
  value: ExpiryChoice;
  /** The numbers of days offered, e.g. [1, 7, 30]. */
  presets: readonly number[];
  /** Whether a chosen date may be given too. */
  allowDate?: boolean;
  onChange(choice: ExpiryChoice): void;
}

const dayLabel = (days: number) => (days === 1 ? '1 day' : `${days} days`);

/** A drop-down of expiry presets and "never", with a date field when "on a date" is chosen. */
export function ExpiryField({ label, value, presets, allowDate, onChange }: ExpiryFieldProps) {
  const id = useId();
  const dateId = useId();
  const selected = value.kind === 'days' ? `days:${value.days}` : value.kind;
  return (
    <div className="field expiry-field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <div className="expiry-field__row">
        <select
          id={id}
          className="field__input field__select"
          value={selected}
          onChange={(event) => {
            const chosen = event.target.value;
            if (chosen === 'never') onChange({ kind: 'never' });
            else if (chosen === 'date') onChange({ kind: 'date', date: tomorrowDate(new Date()) });
            else onChange({ kind: 'days', days: Number(chosen.slice('days:'.length)) });
          }}
        >
          {presets.map((days) => (
            <option key={days} value={`days:${days}`}>
              In {dayLabel(days)}
            </option>
          ))}
          <option value="never">Never</option>
          {allowDate && <option value="date">On a date…</option>}
        </select>
        {value.kind === 'date' && (
          <>
            <label htmlFor={dateId} className="visually-hidden">
              {label}: date
            </label>
            <input
              id={dateId}
              type="date"
              className="field__input"
              required
              min={tomorrowDate(new Date())}
              value={value.date}
              onChange={(event) => onChange({ kind: 'date', date: event.target.value })}
            />
          </>
        )}
      </div>
    </div>
  );
}
