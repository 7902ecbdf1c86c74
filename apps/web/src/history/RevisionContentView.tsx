import { queryKeys } from '../api/queryKeys';
import { useApiQuery } from '../api/useApiQuery';
import { historyApi } from './historyApi';
import { LoadState } from './LoadState';
import { SafeHtml } from './SafeHtml';

interface RevisionContentViewProps {
  pageId: string;
  revisionId: string;
}

/** A version of the page exactly as it read then: title and body, read-only. */
export function RevisionContentView({ pageId, revisionId }: RevisionContentViewProps) {
  const { data, error } = useApiQuery(queryKeys.revision(pageId, revisionId), () =>
    historyApi.get(pageId, revisionId),
  );
  if (error || !data) return <LoadState error={error} what="this version" />;
  return (
    <article className="history-document" aria-label="Content of this version">
      <p className="history-document__title">{data.title || 'Untitled'}</p>
      {data.html ? (
        <SafeHtml html={data.html} className="page-body history-document__body" />
      ) : (
        <p className="muted">This version has no text.</p>
      )}
    </article>
  );
}
