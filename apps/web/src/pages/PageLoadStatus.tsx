import { NoAccessPage } from '../access/NoAccessPage';
import type { ApiError } from '../api/ApiError';
import { FormError } from '../components/FormError';

interface PageLoadStatusProps {
  /** Why loading failed; null while it is still on its way. */
  error: ApiError | null;
  /** Said while loading, e.g. "Loading space…". */
  loading: string;
  /** What is loading, for the "no access" page. */
  what?: 'page' | 'space';
  /** The space being loaded (its slug), whose admins a 403 names. */
  space?: string | null;
}

/**
 * What a page shows until its data is in: the "no access" page for a 404 or 403, another error
 * in words, or `loading`.
 */
export function PageLoadStatus({
  error,
  loading,
  what = 'space',
  space = null,
}: PageLoadStatusProps) {
  if (error?.status === 404) return <NoAccessPage reason="not-found" what={what} />;
  if (error?.status === 403) return <NoAccessPage reason="forbidden" what={what} space={space} />;
  if (error) {
    return (
      <div className="page">
        <FormError message={error.message} />
      </div>
    );
  }
  return <div className="page delayed-appearance muted">{loading}</div>;
}
