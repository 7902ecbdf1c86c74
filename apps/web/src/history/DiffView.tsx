import { queryKeys } from '../api/queryKeys';
import { useApiQuery } from '../api/useApiQuery';
import { historyApi } from './historyApi';
import { LoadState } from './LoadState';
import { MarkdownDiffView } from './MarkdownDiffView';
import { SafeHtml } from './SafeHtml';
import type { StateRef } from './StateRef';

interface DiffViewProps {
  pageId: string;
  from: StateRef;
  to: StateRef;
  format: 'rich' | 'markdown';
  refresh: number;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** What changed between two states of the page, as rich text or as Markdown lines. */
export function DiffView({ pageId, from, to, format, refresh }: DiffViewProps) {
  const { data, error, loading } = useApiQuery(
    queryKeys.diff(pageId, from, to),
    () => historyApi.diff(pageId, from, to),
    { reloadOn: refresh },
  );
  if (error || !data) return <LoadState error={error} what="the comparison" />;
  const { stats } = data;
  return (
    <div className="history-diff" aria-busy={loading}>
      <p className="history-diff__stats">
        {stats.changed ? (
          <>
            <span className="history-diff__stat history-diff__stat--ins">
              {plural(stats.insertedWords, 'word')} added
            </span>
            <span className="history-diff__stat history-diff__stat--del">
              {plural(stats.deletedWords, 'word')} removed
            </span>
            {data.title.changed && <span>Title changed</span>}
          </>
        ) : (
          'No differences: both show the same content.'
        )}
      </p>
      {data.title.changed && (
        <p className="history-diff__title">
          <span className="muted">Title: </span>
          <SafeHtml as="span" html={data.title.html} />
        </p>
      )}
      {format === 'rich' ? (
        <SafeHtml html={data.html} className="page-body history-document__body" />
      ) : (
        <MarkdownDiffView lines={data.markdown} />
      )}
    </div>
  );
}
