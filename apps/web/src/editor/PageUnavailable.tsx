import { Link } from 'react-router';

/** What is left of a page that was deleted, or that the reader may no longer see. */
export function PageUnavailable() {
  return (
    <div className="page" role="alert">
      <title>Page unavailable · Lore</title>
      <h1 className="page__title">This page was deleted or you no longer have access</h1>
      <p className="page__lead">
        If it was moved to the trash by mistake, someone who can edit its space can restore it from
        the space's trash.
      </p>
      <Link to="/" className="button button--primary">
        Go to the home page
      </Link>
    </div>
  );
}
