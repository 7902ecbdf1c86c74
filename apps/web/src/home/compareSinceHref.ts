import { historyParamNames } from '../history/historyParams';

/**
 * The address of the page's history comparing the revision from before the last visit with the
 * page as it is now; other parameters of the current address are kept.
 */
export function compareSinceHref(search: string, baseRevisionId: string): string {
  const params = new URLSearchParams(search);
  params.set(historyParamNames.open, baseRevisionId);
  params.set(historyParamNames.view, 'compare');
  params.set(historyParamNames.from, baseRevisionId);
  params.set(historyParamNames.to, 'current');
  return `?${params}`;
}
