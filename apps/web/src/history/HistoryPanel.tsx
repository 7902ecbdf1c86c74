import type { Revision } from '@lore/api';
import { type KeyboardEvent, useCallback, useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { CloseIcon } from '../components/CloseIcon';
import { historyButtonId, historyPanelHeadingId, historyPanelId } from './historyElementIds';
import { RevisionList } from './RevisionList';
import { RevisionViewer } from './RevisionViewer';
import { SaveVersionForm } from './SaveVersionForm';
import type { HistoryStateHandle } from './useHistoryState';
import { usePageHistory } from './usePageHistory';
import './history.css';

interface HistoryPanelProps {
  pageId: string;
  /** The live document, to keep the history fresh while people edit; null while it loads. */
  doc: Y.Doc | null;
  /** Members and admins may save and restore versions; guests only look. */
  canEdit: boolean;
  history: HistoryStateHandle;
}

/**
 * The page history beside the document: the list of versions and, for a selected one, a
 * read-only view, comparisons and restore. Escape closes it and gives the focus back to the
 * History button.
 */
export function HistoryPanel({ pageId, doc, canEdit, history }: HistoryPanelProps) {
  const headingId = historyPanelHeadingId;
  const heading = useRef<HTMLHeadingElement>(null);
  const { state, update } = history;
  const pageHistory = usePageHistory(pageId, doc);
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    heading.current?.focus();
  }, []);

  const close = useCallback(() => {
    update({ open: false });
    document.getElementById(historyButtonId)?.focus();
  }, [update]);

  // Escape also closes the panel when nothing has the focus (after a click on the background).
  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      if (document.activeElement !== null && document.activeElement !== document.body) return;
      close();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [close]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    // A confirm dialog inside the panel handles its own Escape.
    if (event.target instanceof Element && event.target.closest('dialog')) return;
    event.preventDefault();
    close();
  };

  const onSaved = (revision: Revision, created: boolean) => {
    pageHistory.reload();
    setAnnouncement(
      created
        ? `Saved as version ${revision.number}.`
        : `Nothing changed since version ${revision.number}, so it was named instead.`,
    );
  };

  return (
    <aside
      id={historyPanelId}
      className="history-panel"
      data-mode={state.selected === null ? 'list' : 'viewer'}
      aria-labelledby={headingId}
      onKeyDown={onKeyDown}
    >
      {state.selected !== null && (
        <RevisionViewer
          key={state.selected}
          pageId={pageId}
          doc={doc}
          canEdit={canEdit}
          history={history}
          pageHistory={pageHistory}
          onRestored={(message) => setAnnouncement(message)}
        />
      )}
      <div className="history-panel__list">
        <div className="history-panel__header">
          <h2 id={headingId} ref={heading} tabIndex={-1} className="history-panel__title">
            Page history
          </h2>
          <button
            type="button"
            className="history-icon-button"
            aria-label="Close history"
            title="Close history (Esc)"
            onClick={close}
          >
            <CloseIcon />
          </button>
        </div>
        {canEdit && <SaveVersionForm pageId={pageId} onSaved={onSaved} />}
        <p className="history-panel__announcement" role="status">
          {announcement}
        </p>
        <RevisionList
          pageHistory={pageHistory}
          selected={state.selected}
          onSelect={(selected) => update({ selected, compareFrom: null, compareTo: null })}
        />
      </div>
    </aside>
  );
}
