import type { Space } from '@lore/api';
import { useEffect, useState } from 'react';
import { discussionApi } from '../../discussion/discussionApi';
import { shareWith } from '../../discussion/shareWith';

/** Someone mentioned in the page who cannot read it. */
export interface UnreadableMention {
  readonly id: string;
  readonly name: string;
}

interface MentionNoticeProps {
  pageId: string;
  space: Space | null;
  people: readonly UnreadableMention[];
  onDone(person: UnreadableMention): void;
}

/**
 * Says that people just mentioned in the page cannot read it (so they will not be told), and
 * offers to share the page with them when the reader may (the server says so).
 */
export function MentionNotice({ pageId, space, people, onDone }: MentionNoticeProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [canShare, setCanShare] = useState<boolean | null>(null);
  // Whether the reader may share does not depend on whom: ask once, about the first person.
  const firstId = people[0]?.id ?? null;
  useEffect(() => {
    if (firstId === null || canShare !== null) return;
    let current = true;
    discussionApi.mentionCheck(pageId, [firstId]).then(
      (answer) => current && setCanShare(answer.canShare),
      () => current && setCanShare(false),
    );
    return () => {
      current = false;
    };
  }, [firstId, canShare, pageId]);
  if (people.length === 0) return null;
  const share = async (person: UnreadableMention) => {
    if (!space) return;
    setBusy(true);
    setError(null);
    try {
      await shareWith(pageId, space, person.id);
      onDone(person);
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
  return (
    <div className="mention-notice" role="alert">
      {people.map((person) => (
        <p key={person.id} className="mention-notice__line">
          <strong>{person.name}</strong> cannot read this page, so the mention will not reach them.{' '}
          {canShare && space && (
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={busy}
              onClick={() => void share(person)}
            >
              Share with {person.name}
            </button>
          )}{' '}
          <button
            type="button"
            className="button button--ghost button--small"
            onClick={() => onDone(person)}
          >
            Dismiss
          </button>
        </p>
      ))}
      {error && <p className="mention-notice__error">{error}</p>}
    </div>
  );
}
