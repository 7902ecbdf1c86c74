import type { Space } from '@lore/api';
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { FormError } from '../components/FormError';
import { discussionApi, type MentionablePerson, type MentionCheck } from './discussionApi';
import { insertMention, type MentionQuery, mentionedIds, mentionQueryAt } from './mentionQuery';
import { shareWith } from './shareWith';

interface ComposerProps {
  readonly pageId: string;
  /** The page's space, to share the page with people mentioned who cannot read it. */
  readonly space: Space | null;
  readonly label: string;
  readonly submitLabel: string;
  readonly initialText?: string;
  readonly autoFocus?: boolean;
  /** Sends the comment; a thrown error is shown and the draft stays. */
  onSubmit(body: string): Promise<void>;
  /** Escape or "Cancel"; absent: the composer stays (a reply box), emptied by Escape. */
  onCancel?: () => void;
}

const isSend = (event: KeyboardEvent) => event.key === 'Enter' && (event.ctrlKey || event.metaKey);

/**
 * A comment being written. The draft stays in this browser until it is sent (Ctrl/⌘ Enter or
 * the button); Escape cancels. Typing `@` suggests people (arrow keys and Enter pick one). Before
 * sending, people mentioned who cannot read the page are named, with a way to share it with
 * them when the writer may, or to send anyway.
 */
export function Composer({
  pageId,
  space,
  label,
  submitLabel,
  initialText = '',
  autoFocus = false,
  onSubmit,
  onCancel,
}: ComposerProps) {
  const [text, setText] = useState(initialText);
  const [mention, setMention] = useState<MentionQuery | null>(null);
  const [people, setPeople] = useState<MentionablePerson[]>([]);
  const [chosen, setChosen] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [check, setCheck] = useState<MentionCheck | null>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  const listId = useId();
  const pendingCaret = useRef<number | null>(null);

  useEffect(() => {
    if (autoFocus) field.current?.focus();
  }, [autoFocus]);

  useEffect(() => {
    if (pendingCaret.current === null || !field.current) return;
    field.current.setSelectionRange(pendingCaret.current, pendingCaret.current);
    pendingCaret.current = null;
  });

  const query = mention?.query ?? null;
  useEffect(() => {
    if (query === null) {
      setPeople([]);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      discussionApi
        .mentionable(pageId, query)
        .then((answer) => {
          if (!current) return;
          setPeople(answer.people);
          setChosen(0);
        })
        .catch(() => {
          if (current) setPeople([]);
        });
    }, 120);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [pageId, query]);

  const follow = (value: string, caret: number) => {
    setText(value);
    setMention(mentionQueryAt(value, caret));
    setCheck(null);
  };

  const pick = (person: MentionablePerson) => {
    if (!mention || !field.current) return;
    const next = insertMention(text, mention, field.current.selectionStart, person);
    setText(next.text);
    setMention(null);
    pendingCaret.current = next.caret;
    field.current.focus();
  };

  const send = async (skipCheck = false) => {
    if (text.trim() === '' || busy) return;
    setBusy(true);
    setError(null);
    try {
      const ids = mentionedIds(text);
      if (!skipCheck && ids.length > 0) {
        const answer = await discussionApi.mentionCheck(pageId, ids).catch(() => null);
        if (answer && answer.cannotRead.length > 0) {
          setCheck(answer);
          return;
        }
      }
      await onSubmit(text.trim());
      setText('');
      setCheck(null);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'The comment could not be sent.');
    } finally {
      setBusy(false);
    }
  };

  const share = async (person: { id: string; name: string }) => {
    if (!space) return;
    setBusy(true);
    setError(null);
    try {
      await shareWith(pageId, space, person.id);
      const rest = check?.cannotRead.filter((other) => other.id !== person.id) ?? [];
      setCheck(rest.length > 0 && check ? { ...check, cannotRead: rest } : null);
    } catch (failure) {
      setError(
        failure instanceof Error
          ? failure.message
          : `The page could not be shared with ${person.name}.`,
      );
    } finally {
      setBusy(false);
    }
  };

  const suggesting = mention !== null && people.length > 0;

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (suggesting) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setChosen((index) => (index + step + people.length) % people.length);
        return;
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        const person = people[chosen];
        if (person && !isSend(event)) {
          event.preventDefault();
          pick(person);
          return;
        }
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        setMention(null);
        return;
      }
    }
    if (isSend(event)) {
      event.preventDefault();
      void send();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      if (onCancel) onCancel();
      else follow('', 0);
    }
  };

  return (
    <form
      className="composer"
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <div className="composer__field">
        <textarea
          ref={field}
          className="composer__input"
          aria-label={label}
          placeholder={`${label} (@ to mention, Ctrl+Enter to send)`}
          rows={2}
          value={text}
          role="combobox"
          aria-expanded={suggesting}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={suggesting ? `${listId}-${chosen}` : undefined}
          onChange={(event) => follow(event.target.value, event.target.selectionStart)}
          onSelect={(event) =>
            setMention(
              mentionQueryAt(event.currentTarget.value, event.currentTarget.selectionStart),
            )
          }
          onKeyDown={onKeyDown}
        />
        <div
          id={listId}
          className="composer__mentions"
          role="listbox"
          aria-label="People to mention"
          hidden={!suggesting}
        >
          {people.map((person, index) => (
            // biome-ignore lint/a11y/useKeyWithClickEvents: the comment field handles the keys.
            <div
              key={person.id}
              id={`${listId}-${index}`}
              role="option"
              tabIndex={-1}
              aria-selected={index === chosen}
              className="composer__mention"
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => pick(person)}
            >
              <span className="composer__mention-name">{person.name}</span>
              <span className="composer__mention-email">{person.email}</span>
              {!person.canRead && <span className="badge">cannot read</span>}
            </div>
          ))}
        </div>
      </div>
      {check && (
        <div className="composer__check" role="alert">
          {check.cannotRead.map((person) => (
            <p key={person.id}>
              {person.name} cannot read this page.{' '}
              {check.canShare && space && (
                <button
                  type="button"
                  className="button button--secondary button--small"
                  disabled={busy}
                  onClick={() => void share(person)}
                >
                  Share with {person.name}
                </button>
              )}
            </p>
          ))}
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={busy}
            onClick={() => void send(true)}
          >
            Send anyway
          </button>
        </div>
      )}
      <FormError message={error} />
      <div className="composer__actions">
        {onCancel && (
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={onCancel}
          >
            Cancel
          </button>
        )}
        <button
          type="submit"
          className="button button--primary button--small"
          disabled={busy || text.trim() === ''}
        >
          {busy ? 'Sending…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
