/**
 * The error line of a form. The live region is always in the page so screen readers announce a
 * message the moment it appears.
 */
export function FormError({ message }: { message: string | null }) {
  return (
    <div className="form-error" aria-live="assertive" aria-atomic="true">
      {message && (
        <p className="form-error__message">
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
            <path
              fill="currentColor"
              d="M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1Zm0 9.5a1 1 0 1 0 0 2 1 1 0 0 0 0-2ZM8 4a.9.9 0 0 0-.9.95l.2 4.1a.7.7 0 0 0 1.4 0l.2-4.1A.9.9 0 0 0 8 4Z"
            />
          </svg>
          <span>{message}</span>
        </p>
      )}
    </div>
  );
}
