import type { Person, Revision } from '@lore/api';
import type { KeyboardEvent } from 'react';
import { formatDateTime } from '../format/formatDateTime';
import { describeRevision } from './describeRevision';
import { groupRevisionsByDay } from './groupRevisionsByDay';
import { PeopleList } from './PeopleList';
import { currentState, type StateRef } from './StateRef';
import type { PageHistory } from './usePageHistory';

interface RevisionListProps {
  pageHistory: PageHistory;
  selected: StateRef | null;
  onSelect(selected: StateRef): void;
}

const timeOfDay = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

/** Arrow keys move between the entries, as in a list box; Tab leaves the list. */
function moveFocus(event: KeyboardEvent<HTMLElement>) {
  const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
  const edge = event.key === 'Home' ? 'first' : event.key === 'End' ? 'last' : null;
  if (step === 0 && edge === null) return;
  const items = Array.from(
    event.currentTarget.querySelectorAll<HTMLButtonElement>('[data-history-entry]'),
  );
  const at = items.indexOf(document.activeElement as HTMLButtonElement);
  if (at === -1) return;
  event.preventDefault();
  const next = edge === 'first' ? 0 : edge === 'last' ? items.length - 1 : at + step;
  items[Math.max(0, Math.min(items.length - 1, next))]?.focus();
}

/** The versions of a page, newest first and grouped by day, with the current page on top. */
export function RevisionList({ pageHistory, selected, onSelect }: RevisionListProps) {
  const { revisions, people, error, nextCaptureAt } = pageHistory;

  if (revisions === null) {
    if (error) {
      return (
        <div className="history-message" role="alert">
          <p>The history could not be loaded. {error.message}</p>
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={pageHistory.reload}
          >
            Try again
          </button>
        </div>
      );
    }
    return (
      <p className="history-message" role="status">
        <span className="history-spinner" aria-hidden="true" /> Loading history…
      </p>
    );
  }

  const numberOf = (id: string) => revisions.find((revision) => revision.id === id)?.number;
  const days = groupRevisionsByDay(revisions, new Date());

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: arrow keys only move focus between the buttons inside.
    <div className="history-list" onKeyDown={moveFocus}>
      <button
        type="button"
        data-history-entry
        className="history-entry history-entry--current"
        aria-current={selected === currentState ? 'true' : undefined}
        onClick={() => onSelect(currentState)}
      >
        <span className="history-entry__title">Current version</span>
        <span className="history-entry__meta">
          {nextCaptureAt
            ? `Recent edits are kept as a version at ${timeOfDay.format(new Date(nextCaptureAt))}`
            : 'The page as it is now'}
        </span>
      </button>
      {revisions.length === 0 ? (
        <div className="history-empty">
          <p className="history-empty__title">No versions yet</p>
          <p>
            A version is kept automatically a few minutes after editing pauses, or save one yourself
            with Save version.
          </p>
        </div>
      ) : (
        days.map((day) => (
          <section key={day.key} className="history-day" aria-label={day.label}>
            <h3 className="history-day__label">{day.label}</h3>
            <ul className="history-day__entries">
              {day.revisions.map((revision) => (
                <li key={revision.id}>
                  <RevisionEntry
                    revision={revision}
                    people={people}
                    kind={describeRevision(revision, numberOf)}
                    selected={selected === revision.id}
                    onSelect={() => onSelect(revision.id)}
                  />
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
      {error && (
        <p className="history-message" role="alert">
          {error.message}
        </p>
      )}
      {pageHistory.hasOlder && (
        <button
          type="button"
          className="button button--secondary button--small history-list__older"
          onClick={pageHistory.loadOlder}
          disabled={pageHistory.loadingOlder}
        >
          {pageHistory.loadingOlder ? 'Loading…' : 'Show older versions'}
        </button>
      )}
    </div>
  );
}

interface RevisionEntryProps {
  revision: Revision;
  people: ReadonlyMap<string, Person>;
  kind: string;
  selected: boolean;
  onSelect(): void;
}

function RevisionEntry({ revision, people, kind, selected, onSelect }: RevisionEntryProps) {
  const creator = revision.createdBy ? people.get(revision.createdBy) : undefined;
  const authors = revision.contributors
    .map((id) => people.get(id))
    .filter((person): person is Person => person !== undefined);
  return (
    <button
      type="button"
      data-history-entry
      className="history-entry"
      data-kind={revision.kind}
      aria-current={selected ? 'true' : undefined}
      onClick={onSelect}
    >
      <span className="history-entry__top">
        <span className="history-entry__title">
          {revision.name ?? `Version ${revision.number}`}
        </span>
        <time
          className="history-entry__time"
          dateTime={revision.createdAt}
          title={formatDateTime(revision.createdAt)}
        >
          {timeOfDay.format(new Date(revision.createdAt))}
        </time>
      </span>
      <span className="history-entry__meta">
        {revision.name ? `Version ${revision.number} · ` : ''}
        <span className="history-entry__kind">{kind}</span>
        {creator && revision.kind !== 'auto' ? ` by ${creator.displayName}` : ''}
      </span>
      {revision.note && <span className="history-entry__note">{revision.note}</span>}
      {authors.length > 0 && <PeopleList people={authors} label="Edited by" />}
    </button>
  );
}
