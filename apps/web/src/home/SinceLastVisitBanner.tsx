import { Link, useLocation } from 'react-router';
import { useApiQuery } from '../api/useApiQuery';
import { formatDateTime } from '../format/formatDateTime';
import { compareSinceHref } from './compareSinceHref';
import { homeApi } from './homeApi';

/** "Changed since your last visit", with a link to what changed, when someone else changed it. */
export function SinceLastVisitBanner({ pageId }: { pageId: string }) {
  const location = useLocation();
  const since = useApiQuery(['pages', pageId, 'since-last-visit'], () =>
    homeApi.sinceLastVisit(pageId),
  );
  const data = since.data;
  if (!data?.changed || data.lastVisitAt === null) return null;
  return (
    <div className="editor-banner" role="status">
      <p>
        Changed since your last visit ({formatDateTime(data.lastVisitAt)})
        {data.updatedBy ? ` by ${data.updatedBy.name}` : ''}.
      </p>
      {data.baseRevisionId && (
        <Link
          className="button button--secondary button--small"
          to={compareSinceHref(location.search, data.baseRevisionId)}
        >
          See what changed
        </Link>
      )}
    </div>
  );
}
