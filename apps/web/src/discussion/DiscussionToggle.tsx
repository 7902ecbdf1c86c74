import './discussion.css';

interface DiscussionToggleProps {
  readonly open: boolean;
  readonly openThreads: number;
  onToggle(): void;
}

/** The page header's "Comments" button, with how many threads are open. */
export function DiscussionToggle({ open, openThreads, onToggle }: DiscussionToggleProps) {
  return (
    <button
      type="button"
      className="button button--secondary button--small discussion-toggle"
      aria-pressed={open}
      aria-label={`Comments, ${openThreads} open`}
      onClick={onToggle}
    >
      <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
        <path
          fill="currentColor"
          d="M2.5 2h11A1.5 1.5 0 0 1 15 3.5v7a1.5 1.5 0 0 1-1.5 1.5H8.2l-3.1 2.6a.6.6 0 0 1-1-.46V12H2.5A1.5 1.5 0 0 1 1 10.5v-7A1.5 1.5 0 0 1 2.5 2Z"
        />
      </svg>
      Comments
      {openThreads > 0 && <span className="discussion-toggle__count">{openThreads}</span>}
    </button>
  );
}
