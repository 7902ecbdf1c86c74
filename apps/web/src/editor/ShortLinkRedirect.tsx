import { useEffect, useState } from 'react';
import { Navigate } from 'react-router';
import { ApiError } from '../api/ApiError';
import { api } from '../api/client';
import { FormError } from '../components/FormError';
import { PageUnavailable } from './PageUnavailable';

/** Resolves a page's short id (from a `/s/<shortId>` link) and opens the page. */
export function ShortLinkRedirect({ shortId }: { shortId: string }) {
  const [target, setTarget] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    let current = true;
    api.getPage(shortId).then(
      ({ page }) => current && setTarget(page.id),
      (failure: unknown) => {
        if (!current) return;
        if (failure instanceof ApiError) setError(failure);
        else throw failure;
      },
    );
    return () => {
      current = false;
    };
  }, [shortId]);

  if (target) return <Navigate to={`/pages/${target}`} replace />;
  if (error?.status === 404) return <PageUnavailable />;
  if (error) {
    return (
      <div className="page">
        <FormError message={error.message} />
      </div>
    );
  }
  return <div className="page delayed-appearance muted">Opening page…</div>;
}
