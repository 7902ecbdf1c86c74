import { isRouteErrorResponse, useRouteError } from 'react-router';
import { CenteredMessage } from '../components/CenteredMessage';

function describe(error: unknown): string {
  if (isRouteErrorResponse(error)) return `${error.status} ${error.statusText}`;
  if (error instanceof Error) return error.message;
  return String(error);
}

/**
 * What a crash looks like. `fullPage` is for the outermost boundary, where nothing of the app
 * shell can be trusted to render any more.
 */
export function ErrorPage({ fullPage = false }: { fullPage?: boolean }) {
  const error = useRouteError();
  const body = (
    <>
      <title>Something went wrong · Lore</title>
      <p>
        Lore ran into a problem it could not recover from. Reloading the page usually helps; if the
        problem stays, tell your administrator what you were doing.
      </p>
      <details className="error-details">
        <summary>Technical details</summary>
        <pre>{describe(error)}</pre>
      </details>
      <div className="form__actions">
        <button
          type="button"
          className="button button--primary"
          onClick={() => window.location.reload()}
        >
          Reload page
        </button>
        <a href="/" className="button button--secondary">
          Go to the home page
        </a>
      </div>
    </>
  );

  if (fullPage) return <CenteredMessage title="Something went wrong">{body}</CenteredMessage>;
  return (
    <div className="page error-page" role="alert">
      <h1 className="page__title">Something went wrong</h1>
      {body}
    </div>
  );
}
