import { currentState, type StateRef } from './StateRef';

/** The tabs of the revision viewer. */
export const historyViews = ['version', 'compare', 'markdown'] as const;
export type HistoryView = (typeof historyViews)[number];

/** What the history panel shows; kept in the page URL so a reload or a shared link keeps it. */
export interface HistoryState {
  open: boolean;
  /** The revision id or `current` shown in the viewer; null shows the list alone. */
  selected: StateRef | null;
  view: HistoryView;
  /** Explicit comparison sides; null means the default for the selection. */
  compareFrom: StateRef | null;
  compareTo: StateRef | null;
  /** Colour the current text by author ("who wrote what"). */
  authors: boolean;
}

/** The search parameters the panel owns; every other parameter of the URL is left alone. */
export const historyParamNames = {
  open: 'history',
  view: 'historyView',
  from: 'historyFrom',
  to: 'historyTo',
  authors: 'historyAuthors',
} as const;

export const closedHistory: HistoryState = {
  open: false,
  selected: null,
  view: 'version',
  compareFrom: null,
  compareTo: null,
  authors: false,
};

const refPattern = /^[A-Za-z0-9_-]{1,100}$/;
const refOf = (value: string | null): StateRef | null =>
  value !== null && refPattern.test(value) ? value : null;

/**
 * Reads the panel state from a URL's search parameters. `?history` opens the panel,
 * `?history=<revision id>` (or `current`) also selects a state; values that do not look like
 * ids are ignored rather than sent to the server.
 */
export function readHistoryState(params: URLSearchParams): HistoryState {
  const open = params.get(historyParamNames.open);
  if (open === null) return closedHistory;
  const view = params.get(historyParamNames.view);
  return {
    open: true,
    selected: refOf(open),
    view: historyViews.find((known) => known === view) ?? 'version',
    compareFrom: refOf(params.get(historyParamNames.from)),
    compareTo: refOf(params.get(historyParamNames.to)),
    authors: params.get(historyParamNames.authors) === '1',
  };
}

/** The search parameters for `state`, keeping the ones that belong to others. */
export function writeHistoryState(params: URLSearchParams, state: HistoryState): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const name of Object.values(historyParamNames)) next.delete(name);
  if (!state.open) return next;
  next.set(historyParamNames.open, state.selected ?? '');
  if (state.selected === null) return next;
  if (state.view !== 'version') next.set(historyParamNames.view, state.view);
  if (state.compareFrom !== null) next.set(historyParamNames.from, state.compareFrom);
  if (state.compareTo !== null) next.set(historyParamNames.to, state.compareTo);
  if (state.authors) next.set(historyParamNames.authors, '1');
  return next;
}

/**
 * The two states a comparison shows. By default a revision is compared with the page as it is
 * now, and the current page with the latest revision; null when there is nothing to compare
 * with (a page without revisions).
 */
export function compareSides(
  state: HistoryState,
  latestRevisionId: string | null,
): { from: StateRef; to: StateRef } | null {
  const selected = state.selected ?? currentState;
  const from =
    state.compareFrom ?? (selected === currentState ? latestRevisionId : selected) ?? null;
  const to = state.compareTo ?? currentState;
  return from === null ? null : { from, to };
}
