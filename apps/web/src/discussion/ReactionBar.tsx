import type { ReactionSummaryBody } from '@lore/api';
import { reactionEmoji } from '@lore/core';
import { useId, useState } from 'react';

const everyone = new Intl.ListFormat(undefined, { style: 'long', type: 'conjunction' });

interface ReactionBarProps {
  readonly reactions: readonly ReactionSummaryBody[];
  /** Absent: the person may only look. */
  readonly onToggle?: ((emoji: string) => Promise<void>) | undefined;
  /** What is reacted to, for the buttons' names ("comment", "page"). */
  readonly target: string;
}

/**
 * Reactions with who reacted (in the title), each a toggle; "Add reaction" opens the twelve emoji.
 */
export function ReactionBar({ reactions, onToggle, target }: ReactionBarProps) {
  const [picking, setPicking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const pickerId = useId();
  const toggle = async (emoji: string) => {
    if (!onToggle || busy) return;
    setBusy(true);
    setError(null);
    try {
      await onToggle(emoji);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'The reaction could not be saved.');
    } finally {
      setBusy(false);
      setPicking(false);
    }
  };
  if (reactions.length === 0 && !onToggle) return null;
  return (
    <div className="reactions">
      {reactions.map((reaction) => {
        const who = everyone.format(reaction.people.map((person) => person.displayName));
        return (
          <button
            key={reaction.emoji}
            type="button"
            className={`reactions__chip${reaction.mine ? ' reactions__chip--mine' : ''}`}
            aria-pressed={reaction.mine}
            aria-label={`${reaction.emoji} ${reaction.count}: ${who}`}
            title={who}
            disabled={!onToggle || busy}
            onClick={() => void toggle(reaction.emoji)}
          >
            <span aria-hidden="true">{reaction.emoji}</span> {reaction.count}
          </button>
        );
      })}
      {onToggle && (
        <span className="reactions__add">
          <button
            type="button"
            className="reactions__chip reactions__chip--add"
            aria-label={`Add a reaction to the ${target}`}
            title="Add reaction"
            aria-expanded={picking}
            aria-controls={pickerId}
            onClick={() => setPicking((open) => !open)}
          >
            <span aria-hidden="true">☺+</span>
          </button>
          {picking && (
            <fieldset
              id={pickerId}
              className="reactions__picker"
              aria-label="Reactions"
              onKeyDown={(event) => {
                if (event.key === 'Escape') {
                  event.stopPropagation();
                  setPicking(false);
                }
              }}
            >
              {reactionEmoji.map((emoji) => (
                <button
                  key={emoji}
                  type="button"
                  className="reactions__emoji"
                  aria-label={`React with ${emoji}`}
                  disabled={busy}
                  onClick={() => void toggle(emoji)}
                >
                  {emoji}
                </button>
              ))}
            </fieldset>
          )}
        </span>
      )}
      {error && (
        <p className="reactions__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
