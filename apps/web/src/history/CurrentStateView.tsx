import { api } from '../api/client';
import { queryKeys } from '../api/queryKeys';
import { useApiQuery } from '../api/useApiQuery';
import { AuthorshipView } from './AuthorshipView';
import { LoadState } from './LoadState';
import { SafeHtml } from './SafeHtml';

interface CurrentStateViewProps {
  pageId: string;
  /** Goes up when the live page changed, to show it afresh. */
  refresh: number;
  authors: boolean;
  onAuthorsChange(authors: boolean): void;
}

/** The page as it is now, read-only, optionally coloured by who wrote what. */
export function CurrentStateView({
  pageId,
  refresh,
  authors,
  onAuthorsChange,
}: CurrentStateViewProps) {
  return (
    <>
      <div className="history-toolbar">
        <button
          type="button"
          className="button button--secondary button--small history-toggle"
          aria-pressed={authors}
          onClick={() => onAuthorsChange(!authors)}
        >
          Who wrote what
        </button>
      </div>
      {authors ? (
        <AuthorshipView pageId={pageId} refresh={refresh} />
      ) : (
        <CurrentContent pageId={pageId} refresh={refresh} />
      )}
    </>
  );
}

function CurrentContent({ pageId, refresh }: { pageId: string; refresh: number }) {
  const { data, error } = useApiQuery(queryKeys.page(pageId), () => api.getPage(pageId), {
    reloadOn: refresh,
  });
  if (error || !data) return <LoadState error={error} what="the current page" />;
  return (
    <article className="history-document" aria-label="The page as it is now">
      <p className="history-document__title">{data.page.title || 'Untitled'}</p>
      {data.html ? (
        <SafeHtml html={data.html} className="page-body history-document__body" />
      ) : (
        <p className="muted">The page has no text yet.</p>
      )}
    </article>
  );
}
