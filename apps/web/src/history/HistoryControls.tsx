import type * as Y from 'yjs';
import { HistoryIcon } from '../components/HistoryIcon';
import { formatDateTime } from '../format/formatDateTime';
import { formatEditTime } from './formatEditTime';
import { historyButtonId, historyPanelId } from './historyElementIds';
import type { HistoryStateHandle } from './useHistoryState';
import { useLastEdit } from './useLastEdit';
import './history.css';

interface HistoryControlsProps {
  pageId: string;
  doc: Y.Doc | null;
  history: HistoryStateHandle;
}

/** For the page header: "Last edited by … at …" and the button that opens the page history. */
export function HistoryControls({ pageId, doc, history }: HistoryControlsProps) {
  const lastEdit = useLastEdit(pageId, doc);
  const { open } = history.state;
  return (
    <>
      {lastEdit && (
        <p className="last-edited">
          Last edited by{' '}
          <span className="last-edited__name">{lastEdit.by?.displayName ?? 'someone'}</span>{' '}
          <time dateTime={lastEdit.at} title={formatDateTime(lastEdit.at)}>
            {formatEditTime(lastEdit.at, new Date())}
          </time>
        </p>
      )}
      <button
        type="button"
        id={historyButtonId}
        className="button button--secondary button--small history-toggle"
        aria-pressed={open}
        aria-controls={open ? historyPanelId : undefined}
        onClick={() => history.update(open ? { open: false } : { open: true, selected: null })}
      >
        <HistoryIcon />
        History
      </button>
    </>
  );
}
