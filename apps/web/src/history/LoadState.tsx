import type { ApiError } from '../api/ApiError';

interface LoadStateProps {
  error: ApiError | null;
  /** What is loading, e.g. "this version". */
  what: string;
}

/** Shown in place of content that is loading or failed to load. */
export function LoadState({ error, what }: LoadStateProps) {
  if (error) {
    return (
      <div className="history-message" role="alert">
        <p>
          Could not load {what}. {error.message}
        </p>
      </div>
    );
  }
  return (
    <p className="history-message" role="status">
      <span className="history-spinner" aria-hidden="true" /> Loading {what}…
    </p>
  );
}
