import './SearchError.css';

/** A failed search or report, with a way to try again. */
export function SearchError({ message, onRetry }: { message: string; onRetry(): void }) {
  return (
    <div className="search-error" role="alert">
      <p>{message}</p>
      <button type="button" className="button button--secondary button--small" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
