import type { ApiError } from '../api/ApiError';
import { FormError } from '../components/FormError';
import { NotFoundPage } from './NotFoundPage';

interface PageLoadStatusProps {
  /** Why loading failed; null while it is still on its way. */
  error: ApiError | null;
  /** Said while loading, e.g. "Loading space…". */
  loading: string;
}

/** What a page shows until its data is in: "not found" for a 404, the error, or `loading`. */
export function PageLoadStatus({ error, loading }: PageLoadStatusProps) {
  if (error?.status === 404) return <NotFoundPage />;
  if (error) {
    return (
      <div className="page">
        <FormError message={error.message} />
      </div>
    );
  }
  return <div className="page delayed-appearance muted">{loading}</div>;
}
