import { searchApi } from './searchApi';

/**
 * Tells the server a result was opened, for click-through analytics and ranking. Fire and
 * forget: opening the page must never wait for, or fail because of, this report.
 */
export function reportSearchClick(searchId: string | null, pageId: string, position: number) {
  if (!searchId) return;
  searchApi.recordClick({ searchId, pageId, position }).catch(() => {
    // A lost click report only makes the analytics slightly less complete.
  });
}
