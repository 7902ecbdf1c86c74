import { Link, useLocation } from 'react-router';

/** Shown for any address no route knows. */
export function NotFoundPage() {
  const { pathname } = useLocation();
  return (
    <div className="page">
      <title>Not found · Lore</title>
      <p className="page__eyebrow">Error 404</p>
      <h1 className="page__title">Page not found</h1>
      <p className="page__lead">
        There is nothing at <code>{pathname}</code>. The link may be mistyped, or what it pointed to
        is gone.
      </p>
      <Link to="/" className="button button--primary">
        Go to the home page
      </Link>
    </div>
  );
}
