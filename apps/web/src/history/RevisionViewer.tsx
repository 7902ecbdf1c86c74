import { useId, useState } from 'react';
import type * as Y from 'yjs';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { formatDateTime } from '../format/formatDateTime';
import { ComparePickers } from './ComparePickers';
import { CurrentStateView } from './CurrentStateView';
import { DiffView } from './DiffView';
import { describeRevision, revisionTitle } from './describeRevision';
import { historyApi } from './historyApi';
import { historyPanelHeadingId } from './historyElementIds';
import { compareSides, type HistoryView } from './historyParams';
import { RevisionContentView } from './RevisionContentView';
import { currentState } from './StateRef';
import { TabList } from './TabList';
import { useDocChanges } from './useDocChanges';
import type { HistoryStateHandle } from './useHistoryState';
import type { PageHistory } from './usePageHistory';

interface RevisionViewerProps {
  pageId: string;
  doc: Y.Doc | null;
  canEdit: boolean;
  history: HistoryStateHandle;
  pageHistory: PageHistory;
  /** Called with a sentence to announce once a restore went through. */
  onRestored(message: string): void;
}

const tabs: readonly { id: HistoryView; label: string }[] = [
  { id: 'version', label: 'Version' },
  { id: 'compare', label: 'Compare' },
  { id: 'markdown', label: 'Markdown' },
];

/** How long views of the current page wait after the last edit before they refresh. */
const currentSettleMs = 1500;

/** The selected version: read-only, compared with another state, and restorable. */
export function RevisionViewer({
  pageId,
  doc,
  canEdit,
  history,
  pageHistory,
  onRestored,
}: RevisionViewerProps) {
  const { state, update } = history;
  const selected = state.selected ?? currentState;
  const isCurrent = selected === currentState;
  const idPrefix = useId();
  const headingId = useId();
  const [confirming, setConfirming] = useState(false);
  const liveChanges = useDocChanges(doc, currentSettleMs);

  const revisions = pageHistory.revisions ?? [];
  const revision = revisions.find((candidate) => candidate.id === selected) ?? null;
  const numberOf = (id: string) => revisions.find((candidate) => candidate.id === id)?.number;
  const sides = compareSides(state, revisions[0]?.id ?? null);
  const title = isCurrent ? 'Current version' : revision ? revisionTitle(revision) : 'Version';

  const restore = async () => {
    const result = await historyApi.restore(pageId, selected);
    pageHistory.learnPeople(result.people);
    pageHistory.reload();
    setConfirming(false);
    const number = result.revision.restoredFrom
      ? (numberOf(result.revision.restoredFrom) ?? null)
      : null;
    const restored = number === null ? 'This version' : `Version ${number}`;
    onRestored(
      result.changed
        ? `${restored} was restored for everyone on the page, as version ${result.revision.number}.`
        : `${restored} already matches the current page; nothing changed.`,
    );
    // Back to the list beside the live page, which now shows the restored content.
    update({ selected: null, compareFrom: null, compareTo: null });
    document.getElementById(historyPanelHeadingId)?.focus();
  };

  return (
    <section className="history-viewer" aria-labelledby={headingId}>
      <div className="history-viewer__header">
        <div className="history-viewer__heading">
          <h2 id={headingId} className="history-viewer__title">
            {title}
          </h2>
          {revision && (
            <p className="history-viewer__meta">
              <time dateTime={revision.createdAt}>{formatDateTime(revision.createdAt)}</time>
              {' · '}
              {describeRevision(revision, numberOf)}
            </p>
          )}
          {revision?.note && <p className="history-viewer__note">{revision.note}</p>}
        </div>
        <div className="history-viewer__actions">
          {canEdit && !isCurrent && (
            <button
              type="button"
              className="button button--primary button--small"
              onClick={() => setConfirming(true)}
            >
              Restore this version
            </button>
          )}
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => update({ selected: null })}
          >
            Back to list
          </button>
        </div>
      </div>
      <TabList
        label="Show"
        tabs={tabs}
        selected={state.view}
        idPrefix={idPrefix}
        onSelect={(view) => update({ view })}
      />
      <div
        className="history-viewer__panel"
        role="tabpanel"
        id={`${idPrefix}-panel`}
        aria-labelledby={`${idPrefix}-tab-${state.view}`}
      >
        {state.view === 'version' &&
          (isCurrent ? (
            <CurrentStateView
              pageId={pageId}
              refresh={liveChanges}
              authors={state.authors}
              onAuthorsChange={(authors) => update({ authors })}
            />
          ) : (
            <RevisionContentView pageId={pageId} revisionId={selected} />
          ))}
        {state.view !== 'version' && (
          <>
            <ComparePickers
              revisions={revisions}
              from={sides?.from ?? null}
              to={sides?.to ?? currentState}
              onChange={(from, to) => update({ compareFrom: from, compareTo: to })}
            />
            {sides ? (
              <DiffView
                pageId={pageId}
                from={sides.from}
                to={sides.to}
                format={state.view === 'markdown' ? 'markdown' : 'rich'}
                refresh={sides.from === currentState || sides.to === currentState ? liveChanges : 0}
              />
            ) : (
              <div className="history-empty">
                <p className="history-empty__title">Nothing to compare with yet</p>
                <p>
                  Once the page has a saved version, you can compare it with the page as it is now.
                </p>
              </div>
            )}
          </>
        )}
      </div>
      {confirming && (
        <ConfirmDialog
          title={revision ? `Restore version ${revision.number}?` : 'Restore this version?'}
          confirmLabel="Restore"
          onCancel={() => setConfirming(false)}
          onConfirm={restore}
        >
          <p>
            The page’s title and text become what they were in this version, for everyone who has it
            open. The current content is kept as a version first, so you can go back to it.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
